using GoldenPath.Runner.Progress;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class TestOutcomeLineTests
{
    [Theory]
    [InlineData("  Passed GoldenPath.E2ETests.GoldenPath.MultiTabTests.Both_tabs [3 s]", "Passed")]
    [InlineData("  Failed GoldenPath.E2ETests.Journey(user: \"a\") [120 ms]", "Failed")]
    [InlineData("  Skipped GoldenPath.E2ETests.Browser.Page [1 ms]", "Skipped")]
    [InlineData("  Skipped GoldenPath.E2ETests.Browser.Page", "Skipped")]
    [InlineData("     Passed: 5", null)]
    [InlineData("Passed!  - Failed:     0, Passed:     5, Skipped:     0, Total:     5", null)]
    [InlineData("goldenpath: browser: golden path spec in 4.28 s", null)]
    public void A_console_logger_line_gives_its_outcome_and_nothing_else_does(string line, string? outcome) =>
        TestOutcomeLine.Outcome(line).Should().Be(outcome);
}

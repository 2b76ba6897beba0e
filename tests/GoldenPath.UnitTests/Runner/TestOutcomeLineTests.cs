using GoldenPath.Runner.Progress;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class TestOutcomeLineTests
{
    [Theory]
    [InlineData("passed GoldenPath.E2ETests.GoldenPath.MultiTabTests.Both_tabs (913ms)", "Passed")]
    [InlineData("failed GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping_is_answered_with_pong (30s 051ms)", "Failed")]
    [InlineData("failed GoldenPath.E2ETests.Journey(user: \"a\") (120ms)", "Failed")]
    [InlineData("timed out GoldenPath.E2ETests.Journey (1m 00s)", "Failed")]
    [InlineData("skipped GoldenPath.E2ETests.Browser.Page (0ms)", "Skipped")]
    [InlineData("skipped GoldenPath.E2ETests.Browser.Page", "Skipped")]
    [InlineData("  failed: 0", null)]
    [InlineData("  succeeded: 5", null)]
    [InlineData("Test run summary: Passed! - GoldenPath.E2ETests.dll (net10.0|x64)", null)]
    [InlineData("goldenpath: browser: golden path spec in 4.28 s", null)]
    public void A_test_result_line_gives_its_outcome_and_nothing_else_does(string line, string? outcome) =>
        TestOutcomeLine.Outcome(line).Should().Be(outcome);
}

using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;
using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class RepeatReportTests
{
    [Fact]
    public void A_test_that_passed_and_failed_is_flaky_and_one_that_always_failed_is_not()
    {
        IReadOnlyList<IReadOnlyList<ProjectResult>> runs =
        [
            [Project(("A.steady", "Passed"), ("A.flaky", "Passed"), ("A.broken", "Failed"))],
            [Project(("A.steady", "Passed"), ("A.flaky", "Failed"), ("A.broken", "Failed"))],
            [Project(("A.steady", "Passed"), ("A.flaky", "Passed"), ("A.broken", "Failed"))],
        ];

        var report = RepeatReport.From(runs);

        report.Headline.Should().Be("3 tests over 3 runs: 2 failed at least once, 1 flaky (passed and failed)");
        report.Flaky.Should().ContainSingle().Which.Should().Be(new RepeatedTest("E2ETests", "A.flaky", 2, 1));
        report.FailedAtLeastOnce.Select(t => (t.Name, t.Verdict)).Should().Equal(("A.flaky", "flaky"), ("A.broken", "failed every run"));
        report.Markdown().Should().Contain("| `A.flaky` | 2 | 1 | **flaky** |").And.Contain("| `A.broken` | 0 | 3 | failed every run |");
    }

    [Fact]
    public void Runs_without_a_failure_say_so()
    {
        var report = RepeatReport.From([[Project(("A.one", "Passed"))], [Project(("A.one", "Passed"))]]);

        report.FailedAtLeastOnce.Should().BeEmpty();
        report.Markdown().Should().Contain("Every test passed in all 2 runs.");
    }

    private static ProjectResult Project(params (string Name, string Outcome)[] tests) =>
        new("E2ETests", 0, tests.Select(t => new TrxTest(t.Name, t.Outcome, t.Outcome == "Failed" ? "budget-gap: no event for 10 s" : string.Empty)).ToArray(), TimeSpan.FromSeconds(1));
}

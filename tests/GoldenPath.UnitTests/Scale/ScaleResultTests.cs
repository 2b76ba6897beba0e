using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Reporting.Scale;

namespace GoldenPath.UnitTests.Scale;

[Unit]
public sealed class ScaleResultTests
{
    private static readonly ScalePlan Plan = new(Users: 3, RunsPerUser: 2, Tabs: 2, TabbedShare: 0, RampUp: TimeSpan.Zero);

    [Fact]
    public void A_clean_fast_run_passes_and_its_report_quotes_the_figures()
    {
        var result = Result([], []);

        var verdict = result.Judge(ScaleThresholds.For(new GoldenPathEnvironment()));
        var report = ScaleReport.From("local", "processes (…)", DateTimeOffset.UnixEpoch, result, verdict);

        verdict.Passed.Should().BeTrue();
        report.RunsCompleted.Should().Be(6);
        report.Steps["completion"]!.Max.Should().Be(60);
        report.TableRow("processes").Should().StartWith("| processes | 3 | 3 | 6 of 6 | 2.0 s | 6 |").And.EndWith("| 0 | 0 | passed |");
        ScaleReport.TableHeader.Split('\n')[0].Split('|').Length.Should().Be(report.TableRow("x").Split('|').Length, "the header names every column of a row");
        ScaleReport.FromJson(report.ToJson()).Should().BeEquivalentTo(report);
        report.ToMarkdown().Should().Contain("**0 leaks**").And.Contain("| completion | 6 | ");
    }

    [Fact]
    public void Any_leak_or_lost_run_fails_whatever_the_latencies_say_with_one_line_per_kind()
    {
        var leak = new Leak("user-a", "user-b", "WebSocket [scale1.tab1] frame #3 (agent_thinking) carries run_id 'r1'", "{\"run_id\":\"r1\"}");
        var lost = new ScaleFailure("lost run", "scale2.tab1 run 1", "budget-completion", "no terminal event");
        var alsoLost = new ScaleFailure("lost run", "scale2.tab1 run 2", "not sent", "an earlier run of the user failed");

        var verdict = Result([leak], [lost, alsoLost]).Judge(ScaleThresholds.For(new GoldenPathEnvironment()));

        verdict.Passed.Should().BeFalse();
        verdict.Thresholds.Should().OnlyContain(t => t.Passed);
        verdict.Failures.Should().HaveCount(3);
        verdict.Failures[0].Should().Contain("1 leak(s)").And.Contain("isolation: 1 leak(s)").And.Contain("user-a's data reached user-b via WebSocket [scale1.tab1]");
        verdict.Failures.Should().Contain(f => f.StartsWith("1 lost run (budget-completion), e.g. [scale2.tab1 run 1] no terminal event", StringComparison.Ordinal));
    }

    [Fact]
    public void Slow_runs_fail_their_threshold_not_the_isolation()
    {
        var environment = new GoldenPathEnvironment { Scale = new ScaleSettings { CompletionMs = "p99 < 50" } };

        var verdict = Result([], []).Judge(ScaleThresholds.For(environment));

        verdict.Passed.Should().BeFalse();
        verdict.Failures.Should().BeEmpty();
        verdict.Thresholds.Single(t => !t.Passed).Key.Should().Be("completionMs");
    }

    [Fact]
    public void Runs_that_never_ended_lower_the_success_rate_and_fail_the_verdict_even_when_no_failure_names_them()
    {
        // 4 of the 6 planned runs ended; the other 2 left no failure behind (a user that vanished, a run never sent).
        var result = Result([], [], runs: 4);

        var verdict = result.Judge(ScaleThresholds.For(new GoldenPathEnvironment()));

        result.SuccessRate.Should().BeApproximately(0.6667, 0.0001);
        verdict.Passed.Should().BeFalse();
        verdict.Failures.Should().Equal("success rate 0.6667: 4 of 6 planned runs ended and passed every rule");
    }

    [Fact]
    public void A_success_rate_threshold_is_judged_on_the_runs_not_on_a_constant()
    {
        var threshold = GoldenPath.Fixtures.Slo.Threshold.Parse("successRate", ">= 0.99", "test");

        var verdict = Result([], [], runs: 3).Judge([threshold]);

        verdict.Thresholds.Should().ContainSingle().Which.Should().Match<GoldenPath.Fixtures.Slo.ThresholdResult>(t => !t.Passed && t.Measured == 0.5);
    }

    private static ScaleResult Result(IReadOnlyList<Leak> leaks, IReadOnlyList<ScaleFailure> failures, int runs = 6)
    {
        var timings = Enumerable.Range(0, runs).Select(i => new ScaleRunTiming(i / 2, i % 2, 5 + i, 6 + i, 10 * (i + 1))).ToArray();
        var memory = ScaleMemory.From(3,
            new ScaleMemory.Snapshot(1_000_000, 2_000_000, [new ServiceMemory("backend", 100_000_000, 100_000_000)]),
            new ScaleMemory.Snapshot(1_300_000, 2_600_000, [new ServiceMemory("backend", 100_300_000, 100_300_000)]),
            new ScaleMemory.Snapshot(1_300_000, 2_600_000, [new ServiceMemory("backend", 100_000_000, 120_000_000)]));
        return new ScaleResult(Plan, TimeSpan.FromSeconds(2), new Dictionary<string, double> { ["runs"] = 1 }, TimeSpan.FromSeconds(1), 3, 40,
            [3, 4, 5], timings, failures, leaks, memory);
    }
}

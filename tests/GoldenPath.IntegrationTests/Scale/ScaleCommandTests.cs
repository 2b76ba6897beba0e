using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Stack;
using GoldenPath.IntegrationTests.Slo;
using GoldenPath.Reporting.Scale;

namespace GoldenPath.IntegrationTests.Scale;

/// <summary><c>run-tests scale</c> as a user runs it, aimed at this assembly's stack as the remote environment 'staging'.</summary>
[Integration]
[ReferenceStack]
public sealed class ScaleCommandTests(PlatformFixture platform) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string results = Directory.CreateTempSubdirectory("goldenpath-scale-").FullName;

    [Fact]
    public async Task A_healthy_stack_passes_with_every_run_and_connection_counted_and_every_output_written()
    {
        var run = await RunnerChild.RunAsync(
            ["scale", "--no-build", "--no-install", "--users", "40", "--tabs", "2", "--tabbed-share", "0.5", "--ramp-up", "1s", "--results", results], platform.Stack.Endpoints, Deadline);

        run.ExitCode.Should().Be(0, run.Output);
        var report = ScaleReport.FromJson(await File.ReadAllTextAsync(Path.Combine(results, "scale.json"), TestContext.Current.CancellationToken));
        report.Schema.Should().Be(ScaleReport.SchemaName);
        report.Passed.Should().BeTrue(run.Output);
        (report.Users, report.Connections, report.RunsCompleted, report.RunsExpected).Should().Be((40, 60, 80, 80));
        (report.Leaks, report.LostRuns, report.FailedRuns, report.FailedUsers).Should().Be((0, 0, 0, 0));
        report.FramesChecked.Should().BeGreaterThan(80 * 5, "every run's five events reached its sender at least");
        report.Thresholds.Select(t => t.Key).Should().Equal("handshakeMs", "handshakeMs", "ackMs", "ackMs", "firstEventMs", "firstEventMs", "completionMs", "completionMs");
        report.Memory.Services.Should().BeEmpty("a remote stack's memory is not this run's to read");
        (await File.ReadAllTextAsync(Path.Combine(results, "scale.md"), TestContext.Current.CancellationToken)).Should().StartWith("## Isolation at scale: passed");
        (await File.ReadAllLinesAsync(Path.Combine(results, "scale-row.md"), TestContext.Current.CancellationToken)).Should().HaveCount(3)
            .And.Subject.Last().Should().StartWith("| remote | 40 | 60 | 80 of 80 |").And.EndWith("| 0 | 0 | passed |");
    }

    [Fact]
    public async Task A_backend_that_leaks_events_makes_scale_exit_1_with_the_isolation_rule_and_both_users()
    {
        var leaking = await platform.StartAnotherAsync("a backend that sends every event to another user too (leak-events)", PlatformService.Backend,
            new Dictionary<string, string> { [SuiteVariables.Faults] = "leak-events" });
        var target = platform.Stack.Endpoints with { Backend = leaking.Backend, WebSocket = leaking.WebSocket };

        var run = await RunnerChild.RunAsync(["scale", "--no-build", "--no-install", "--users", "10", "--ramp-up", "0", "--results", results], target, Deadline);

        run.ExitCode.Should().Be(1, run.Output);
        run.Output.Should().MatchRegex(@"isolation: \d+ leak\(s\)").And.MatchRegex(@"'s data reached [^ ]+ via WebSocket \[scale\d+\.tab1\] frame #\d+");
        var report = ScaleReport.FromJson(await File.ReadAllTextAsync(Path.Combine(results, "scale.json"), TestContext.Current.CancellationToken));
        report.Passed.Should().BeFalse();
        report.Leaks.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("--users", "1", "--users takes a number, 2 or more")]
    [InlineData("--tabbed-share", "1.5", "--tabbed-share takes a share between 0 and 1")]
    [InlineData("--ramp-up", "soon", "--ramp-up takes 0, seconds or a number with s or m")]
    public async Task A_bad_option_is_refused_with_exit_2_before_anything_starts(string option, string value, string says)
    {
        var run = await RunnerChild.RunAsync(["scale", "--no-build", "--no-install", option, value, "--results", results], platform.Stack.Endpoints, Deadline);

        run.ExitCode.Should().Be(2, run.Output);
        run.Output.Should().Contain(says);
        File.Exists(Path.Combine(results, "scale.json")).Should().BeFalse();
    }

    [Fact]
    public async Task A_malformed_threshold_in_the_environment_is_refused_with_exit_2_naming_it()
    {
        var run = await RunnerChild.RunAsync(["scale", "--no-build", "--no-install", "--users", "2", "--results", results], platform.Stack.Endpoints, Deadline,
            new Dictionary<string, string> { ["GOLDENPATH__Scale__AckMs"] = "p95 < 2000, fast" });

        run.ExitCode.Should().Be(2, run.Output);
        run.Output.Should().Contain("scale.ackMs is \"fast\"");
    }

    public void Dispose() => Directory.Delete(results, recursive: true);
}

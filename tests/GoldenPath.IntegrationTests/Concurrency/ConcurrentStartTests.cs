using System.Text.RegularExpressions;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Stack;
using GoldenPath.IntegrationTests.Slo;
using GoldenPath.Reporting.Scale;

namespace GoldenPath.IntegrationTests.Concurrency;

/// <summary>
/// Issue 23: three run-tests started together in one checkout through the shim, as people do in three terminals: stack up
/// (which builds), a filtered run and a scale run (which reuse the build: a build now would wait for this very test run,
/// BuildLocks). None may crash while another shim swaps the runner's copy in, and each keeps its own results folder.
/// </summary>
[Integration]
[ReferenceStack]
public sealed partial class ConcurrentStartTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string root = Directory.CreateTempSubdirectory("goldenpath-concurrent-").FullName;

    private string StackResults => Path.Combine(root, "stack");

    // The default results root of the children (not the checkout's results/, whose latest link is the person's).
    private Dictionary<string, string> Environment => new() { [SuiteVariables.ResultsRoot] = Path.Combine(root, "results") };

    [Fact]
    public async Task Stack_up_a_filtered_run_and_scale_started_together_all_exit_0_with_their_own_complete_results()
    {
        var configuration = RepositoryLayout.BuildConfiguration;
        var runs = await Task.WhenAll(
            HostCommand.RunAsync(RunnerChild.ShimStartInfo(["stack", "up", "--no-install", "-c", configuration, "--results", StackResults], null, Environment), Deadline, TestContext.Current.CancellationToken),
            HostCommand.RunAsync(RunnerChild.ShimStartInfo(["--no-build", "--no-install", "-c", configuration, "--layer", "e2e", "--filter", "Category=GoldenPath"], null, Environment), Deadline, TestContext.Current.CancellationToken),
            HostCommand.RunAsync(RunnerChild.ShimStartInfo(["scale", "--no-build", "--no-install", "-c", configuration, "--users", "50", "--ramp-up", "1s"], platform.Stack.Endpoints, Environment), Deadline, TestContext.Current.CancellationToken));
        var (up, filtered, scale) = (runs[0], runs[1], runs[2]);
        foreach (var (name, run) in new[] { ("stack up", up), ("filtered run", filtered), ("scale", scale) })
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {name}: exit {run.ExitCode}, first lines:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, run.Output.Split('\n').Take(4))}");
            run.Output.Should().NotMatchRegex("Unhandled exception|FileNotFoundException|BadImageFormatException|the runner itself failed", $"{name} must not crash");
            run.ExitCode.Should().Be(0, $"{name}: {run.Output}");
        }

        up.Output.Should().Contain("stack up (pid");
        var runFolder = ResultsFolderIn(filtered.Output, "run");
        File.ReadAllText(Path.Combine(runFolder, "summary.md")).Should().Contain("5 passed, 0 failed");
        File.Exists(Path.Combine(runFolder, "GoldenPath.E2ETests.trx")).Should().BeTrue();
        File.Exists(Path.Combine(runFolder, "GoldenPath.E2ETests.junit.xml")).Should().BeTrue();
        var report = ScaleReport.FromJson(File.ReadAllText(Path.Combine(ResultsFolderIn(scale.Output, "scale"), "scale.json")));
        (report.Passed, report.Users, report.Leaks).Should().Be((true, 50, 0), scale.Output);
        Directory.GetDirectories(Path.Combine(root, "results", "runs")).Should().HaveCount(2, "each run has a folder of its own, and neither wiped the other's");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    // stack down whatever the test's outcome: a stack left up would hold its ports and processes.
    public async ValueTask DisposeAsync()
    {
        var down = await HostCommand.RunAsync(RunnerChild.ShimStartInfo(["stack", "down", "--no-build", "--results", StackResults], null, Environment), Deadline);
        TestContext.Current.TestOutputHelper?.WriteLine($"--- stack down: exit {down.ExitCode}: {down.Output.Trim()}");
        Directory.Delete(root, recursive: true);
        down.ExitCode.Should().Be(0, "stack down tears the stack down: " + down.Output);
    }

    // "results in FOLDER (…latest points there)": the folder a run announced, which must be its own under the results root.
    private string ResultsFolderIn(string output, string command)
    {
        var match = ResultsLine().Match(output);
        match.Success.Should().BeTrue($"the {command} says where its results go: {output}");
        var folder = match.Groups["folder"].Value;
        Path.GetFileName(folder).Should().MatchRegex($@"^\d{{8}}-\d{{6}}-{command}-\d+$");
        Path.GetDirectoryName(folder).Should().Be(Path.Combine(root, "results", "runs"));
        return folder;
    }

    [GeneratedRegex(@"run-tests: results in (?<folder>\S+) \(\S+ points there\)")]
    private static partial Regex ResultsLine();
}

using System.Xml.Linq;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Stack;
using GoldenPath.IntegrationTests.Slo;

namespace GoldenPath.IntegrationTests.Concurrency;

/// <summary>
/// Issue 23: two filtered runs with --coverage on one build at once. Coverlet rewrites the build in place, so the second
/// waits for the first (BuildLocks) and says so; both pass, both coverage files parse and each run merges its own report
/// (ReportGenerator into RESULTS/coverage, the table in summary.md). They run the unit layer: this
/// test's own assembly (and, in a coverage run, its instrumented build) is the integration layer's.
/// </summary>
[Integration]
[ReferenceStack]
public sealed class CoverageRunsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string root = Directory.CreateTempSubdirectory("goldenpath-coverage-").FullName;

    [Fact]
    public async Task Two_coverage_runs_on_one_build_at_once_both_pass_and_both_merge_their_coverage()
    {
        var folders = new[] { Path.Combine(root, "a"), Path.Combine(root, "b") };
        var runs = await Task.WhenAll(folders.Select(folder => HostCommand.RunAsync(RunnerChild.ShimStartInfo(
            ["--no-build", "--no-install", "-c", RepositoryLayout.BuildConfiguration, "--layer", "unit", "--filter", "FullyQualifiedName~GoldenPath.UnitTests.Dialects", "--coverage", "--results", folder],
            null), Deadline, TestContext.Current.CancellationToken)));

        foreach (var (run, folder) in runs.Zip(folders))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {Path.GetFileName(folder)}: exit {run.ExitCode}{System.Environment.NewLine}{run.Output}");
            run.Output.Should().NotMatchRegex("BadImageFormatException|Unhandled exception|the runner itself failed");
            run.ExitCode.Should().Be(0, run.Output);
            // The collector's file, moved to coverage/raw (no GUID folder left beside the TRX), must parse; ReportGenerator's
            // merge of it is beside it, and summary.md has the table per assembly.
            Directory.GetDirectories(folder).Select(Path.GetFileName).Should().Equal(["coverage"], "the coverage run's GUID and TRX deployment folders are gone");
            var raw = Path.Combine(folder, "coverage", "raw", "GoldenPath.UnitTests.cobertura.xml");
            var document = XDocument.Load(raw);
            document.Root!.Name.LocalName.Should().Be("coverage", raw);
            document.Descendants("class").Should().NotBeEmpty($"{raw} lists the classes the run covered");
            File.Exists(Path.Combine(folder, "coverage", "index.html")).Should().BeTrue("ReportGenerator writes the HTML report");
            File.Exists(Path.Combine(folder, "coverage", "SummaryGithub.md")).Should().BeTrue("ReportGenerator writes the markdown summary");
            File.ReadAllText(Path.Combine(folder, "summary.md")).Should().MatchRegex(@"### Coverage: [0-9.]+% of lines")
                .And.MatchRegex(@"\| GoldenPath\.Fixtures \| [0-9.]+% \([0-9,]+ of [0-9,]+\) \|");
            run.Output.Should().Contain("run-tests: coverage: ");
        }

        runs.Count(r => r.Output.Contains("waiting for the coverage run started at ", StringComparison.Ordinal)).Should()
            .Be(1, "one run holds the build while coverlet instruments it; the other waits and says for whom");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

using System.Xml.Linq;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Stack;
using GoldenPath.IntegrationTests.Slo;

namespace GoldenPath.IntegrationTests.Concurrency;

/// <summary>
/// Issue 23: two filtered runs with --coverage on one build at once. Coverlet rewrites the build in place, so the second
/// waits for the first (BuildLocks) and says so; both pass and both coverage files parse. They run the unit layer: this
/// test's own assembly (and, in a coverage run, its instrumented build) is the integration layer's.
/// </summary>
[Integration]
[ReferenceStack]
public sealed class CoverageRunsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string root = Directory.CreateTempSubdirectory("goldenpath-coverage-").FullName;

    [Fact]
    public async Task Two_coverage_runs_on_one_build_at_once_both_pass_and_both_coverage_files_parse()
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
            // The collector's file, and the TRX logger's copy of it beside the TRX: each must parse.
            var coverage = Directory.GetFiles(folder, "coverage.cobertura.xml", SearchOption.AllDirectories);
            coverage.Should().NotBeEmpty($"a coverage run writes coverage.cobertura.xml under {folder}");
            foreach (var file in coverage)
            {
                var document = XDocument.Load(file);
                document.Root!.Name.LocalName.Should().Be("coverage", file);
                document.Descendants("class").Should().NotBeEmpty($"{file} lists the classes the run covered");
            }
        }

        runs.Count(r => r.Output.Contains("waiting for the coverage run started at ", StringComparison.Ordinal)).Should()
            .Be(1, "one run holds the build while coverlet instruments it; the other waits and says for whom");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

using System.Diagnostics;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Coverage;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Run;

/// <summary>One test project's own executable (xUnit v3 on Microsoft.Testing.Platform), writing TRX and JUnit files to the results folder; its outcome read from the TRX; its coverage file, if collected, moved to coverage/raw.</summary>
internal static class TestProjectRun
{
    /// <param name="browserSpecs">Browser specs are selected: their browser starts alongside the stack instead of at the first browser spec.</param>
    public static async Task<ProjectResult> RunAsync(string project, RunSettings settings, string? filter, string results, ProgressDisplay display, CancellationToken interrupted, bool browserSpecs)
    {
        var name = $"GoldenPath.{project}";
        var executable = RepositoryLayout.TestExecutable(name, settings.Configuration);
        if (!File.Exists(executable))
        {
            Say.Line($"{name}: no build of it at {executable}: run without --no-build (or build with -c {settings.Configuration})");
            return new ProjectResult(project, ExitCodes.Usage, [], TimeSpan.Zero);
        }

        var host = new TestHostArguments(results, name + ".trx")
        {
            Filter = filter,
            JunitFile = name + ".junit.xml",
            CoveragePrefix = settings.Coverage ? name : null,
        };

        // Another run on this build may be collecting coverage, or this one is (BuildLocks): wait for it, saying so.
        using var buildLock = await BuildLocks.ForTestRunAsync(name, settings.Configuration, settings.Coverage, interrupted).ConfigureAwait(false);
        if (buildLock is null)
        {
            return new ProjectResult(project, interrupted.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Usage, [], TimeSpan.Zero);
        }

        display.Phase($"{name}: running{(filter is null ? string.Empty : $" (filter: {filter})")}{(settings.Coverage ? string.Empty : ", no coverage")}", Path.Combine(results, GoldenPath.Fixtures.Diagnostics.RunProgress.FileName));
        var clock = Stopwatch.StartNew();
        var exit = await ChildRun.RunAsync(executable, host.Build(), display, interrupted,
            SuiteSettings.Current.ForChild(new Dictionary<string, string?> { [SuiteVariables.ResultsDirectory] = results, [SuiteVariables.BrowserPrewarm] = browserSpecs ? "1" : null })).ConfigureAwait(false);
        return new ProjectResult(project, exit, File.Exists(host.TrxPath) ? TrxResults.Read(host.TrxPath) : [], clock.Elapsed)
        {
            CoverageFiles = settings.Coverage ? CoverageAttachments.Collect(results, name, RawCoverageFile(name, settings.Results, results)) : null,
        };
    }

    // RESULTS/coverage/raw/GoldenPath.UnitTests.cobertura.xml; with --repeat, run-02-GoldenPath.UnitTests.cobertura.xml.
    private static string RawCoverageFile(string name, string results, string folder) =>
        Path.Combine(CoverageAttachments.RawDirectory(results), (Path.GetFullPath(folder) == Path.GetFullPath(results) ? string.Empty : Path.GetFileName(folder) + "-") + name + ".cobertura.xml");
}

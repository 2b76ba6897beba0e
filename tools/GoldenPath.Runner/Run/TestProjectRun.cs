using System.Diagnostics;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Run;

/// <summary>dotnet test on one test project, writing TRX and JUnit files to the results folder; its outcome read from the TRX.</summary>
internal static class TestProjectRun
{
    /// <param name="browserSpecs">Browser specs are selected: their browser starts alongside the stack instead of at the first browser spec.</param>
    public static async Task<ProjectResult> RunAsync(string project, string configuration, string? filter, string results, ProgressDisplay display, CancellationToken interrupted, bool browserSpecs)
    {
        var name = $"GoldenPath.{project}";
        var trx = Path.Combine(results, name + ".trx");
        List<string> arguments =
        [
            "test", Path.Combine("tests", name, name + ".csproj"), "--no-build", "-c", configuration, "-nologo",
            "--results-directory", results,
            "--logger", $"trx;LogFileName={name}.trx",
            "--logger", $"junit;LogFilePath={Path.Combine(results, name + ".junit.xml")};MethodFormat=Class;FailureBodyFormat=Verbose",
            "--logger", "console;verbosity=normal",
            "--settings", Path.Combine(RepositoryLayout.Root, "coverlet.runsettings"),
        ];
        if (filter is { Length: > 0 })
        {
            arguments.AddRange(["--filter", filter]);
        }

        display.Phase($"{name}: running{(filter is null ? string.Empty : $" (filter: {filter})")}", Path.Combine(results, GoldenPath.Fixtures.Diagnostics.RunProgress.FileName));
        var clock = Stopwatch.StartNew();
        var exit = await ChildRun.RunAsync("dotnet", arguments, display, interrupted,
            new Dictionary<string, string?> { ["GOLDENPATH_RESULTS_DIR"] = results, ["GOLDENPATH_BROWSER_PREWARM"] = browserSpecs ? "1" : null }).ConfigureAwait(false);
        return new ProjectResult(project, exit, File.Exists(trx) ? TrxResults.Read(trx) : [], clock.Elapsed);
    }
}

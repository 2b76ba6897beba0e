using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.Runner.Selftest;

/// <summary><c>selftest</c>: installs what the processes stack and the browser need, builds, then runs the fault matrix (<see cref="Selftest"/>).</summary>
internal static class SelftestCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, string? resultsOption, IReadOnlySet<string>? faults, string? dialect, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var plan = new RunPlan(["E2ETests"], null, [], UsesContainers: false, UsesProcesses: true, RunsBrowser: true);
        await PrerequisiteSetup.EnsureAsync(Prerequisites.For(plan, environment), settings.Install, interrupted).ConfigureAwait(false);
        if (settings.Build && !await SuiteBuild.SolutionAsync(settings.Configuration, new PlainDisplay(), interrupted).ConfigureAwait(false))
        {
            return 1;
        }

        var results = resultsOption is null ? Path.Combine(settings.Results, "selftest") : settings.Results;
        return await Selftest.RunAsync(results, settings.Configuration, faults, dialect is null ? environment.Dialect : Fixtures.Dialects.DialectLoader.Load(dialect), interrupted).ConfigureAwait(false);
    }
}

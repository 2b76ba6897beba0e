using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Selftest;

/// <summary><c>selftest</c>: installs what the processes stack and the browser need, builds, then runs the requirement × fault matrix (<see cref="Selftest"/>) in its results folder.</summary>
internal static class SelftestCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, IReadOnlySet<string>? faults, string? dialect, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var plan = new RunPlan(["IntegrationTests", "E2ETests"], null, [], UsesContainers: false, UsesProcesses: true, RunsBrowser: true);
        if (!await PlatformPipeline.PrepareAsync(settings, environment, plan, BuildScope.Solution, interrupted).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        using var results = ResultsFolder.Claim(settings, "selftest", fresh: false);
        // The rows run specs of both layers: hold both builds (shared) so no coverage run rewrites them meanwhile.
        using var integrationLock = await BuildLocks.ForTestRunAsync("GoldenPath.IntegrationTests", settings.Configuration, coverage: false, interrupted).ConfigureAwait(false);
        using var e2eLock = integrationLock is null ? null : await BuildLocks.ForTestRunAsync("GoldenPath.E2ETests", settings.Configuration, coverage: false, interrupted).ConfigureAwait(false);
        if (e2eLock is null)
        {
            return interrupted.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Failed;
        }

        return await Selftest.RunAsync(results.Path, settings.Configuration, faults, dialect is null ? environment.Dialect : Fixtures.Dialects.DialectLoader.Load(dialect), interrupted).ConfigureAwait(false);
    }
}

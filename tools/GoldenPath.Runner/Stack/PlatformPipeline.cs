using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.Runner.Stack;

/// <summary>What a command builds before it starts anything.</summary>
internal enum BuildScope
{
    /// <summary>The whole solution, tests included (run, selftest).</summary>
    Solution,

    /// <summary>The fixtures and the stack services they run, not the tests (stack up, slo, scale, watch).</summary>
    Platform,
}

/// <summary>
/// The one pipeline every command goes through: install → build → images here, then platform → preflight → work → teardown
/// (<see cref="PlatformSession"/> in this process, or the test hosts of a run). A command says only what differs: its plan
/// (which stack, which programs) and what it builds. --no-install and --no-build skip those steps.
/// </summary>
internal static class PlatformPipeline
{
    private const string FixturesProject = "fixtures/GoldenPath.Fixtures/GoldenPath.Fixtures.csproj";

    /// <summary>The plan of a command that starts (or points at) the environment's platform in its own process: nothing to install or build for a remote one.</summary>
    public static Task<RunPlan> PlatformPlanAsync(GoldenPathEnvironment environment) => RunPlan.ForThisMachineAsync("integration", null, environment);

    /// <summary>install: the programs <paramref name="plan"/> needs and this machine lacks (unless --no-install: then the command to run).</summary>
    public static Task InstallAsync(RunSettings settings, GoldenPathEnvironment environment, RunPlan plan, CancellationToken interrupted) =>
        PrerequisiteSetup.EnsureAsync(Prerequisites.For(plan, environment), settings.Install, interrupted);

    /// <summary>build → images: the build (unless --no-build), then the containers stack's images when the plan uses it.</summary>
    /// <returns>False when a build failed (it said why).</returns>
    public static async Task<bool> BuildAsync(RunSettings settings, GoldenPathEnvironment environment, RunPlan plan, BuildScope scope, ProgressDisplay display, CancellationToken interrupted)
    {
        if (scope == BuildScope.Platform && !plan.UsesProcesses && !plan.UsesContainers)
        {
            return true; // a remote platform: nothing of it is built here
        }

        if (settings.Build && !await (scope == BuildScope.Solution
                ? SuiteBuild.SolutionAsync(settings.Configuration, display, interrupted)
                : SuiteBuild.ProjectAsync(FixturesProject, settings.Configuration, display, interrupted)).ConfigureAwait(false))
        {
            return false;
        }

        return !plan.UsesContainers || await SuiteBuild.ImagesAsync(environment.Containers.Images, settings.Configuration, display, interrupted).ConfigureAwait(false);
    }

    /// <summary>install → build → images, plainly displayed: what a command does before it starts anything.</summary>
    /// <returns>False when a build failed (it said why).</returns>
    public static async Task<bool> PrepareAsync(RunSettings settings, GoldenPathEnvironment environment, RunPlan plan, BuildScope scope, CancellationToken interrupted)
    {
        if (scope == BuildScope.Platform && !plan.UsesProcesses && !plan.UsesContainers)
        {
            return true;
        }

        await InstallAsync(settings, environment, plan, interrupted).ConfigureAwait(false);
        return await BuildAsync(settings, environment, plan, scope, new PlainDisplay(), interrupted).ConfigureAwait(false);
    }
}

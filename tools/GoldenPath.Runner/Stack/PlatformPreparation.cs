using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// What a command that starts the platform in its own process (watch) needs first, as a test run would: the programs its
/// stack needs, the stack's build (unless --no-build), and the containers stack's images. Nothing for a remote stack.
/// </summary>
internal static class PlatformPreparation
{
    private const string FixturesProject = "fixtures/GoldenPath.Fixtures/GoldenPath.Fixtures.csproj";

    /// <returns>False when a build failed (it said why).</returns>
    public static async Task<bool> EnsureAsync(RunSettings settings, GoldenPathEnvironment environment, CancellationToken interrupted)
    {
        var plan = await RunPlan.ForThisMachineAsync("integration", null, environment).ConfigureAwait(false);
        if (!plan.UsesProcesses && !plan.UsesContainers)
        {
            return true;
        }

        await PrerequisiteSetup.EnsureAsync(Prerequisites.For(plan, environment), settings.Install, interrupted).ConfigureAwait(false);
        var display = new PlainDisplay();
        if (settings.Build && !await SuiteBuild.ProjectAsync(FixturesProject, settings.Configuration, display, interrupted).ConfigureAwait(false))
        {
            return false;
        }

        return !plan.UsesContainers || await SuiteBuild.ImagesAsync(environment.Containers.Images, settings.Configuration, display, interrupted).ConfigureAwait(false);
    }
}

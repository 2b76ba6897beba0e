using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Setup;

/// <summary><c>setup</c>: only the installing step of a run (the same one), for the environment and stack given.</summary>
internal static class SetupCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var needed = Prerequisites.For(await RunPlan.ForThisMachineAsync(settings.Layer, settings.Filter, environment).ConfigureAwait(false), environment);
        if (needed.All(p => p.Present))
        {
            Say.Line($"setup: everything a run of environment '{environment.Name}' ({environment.Stack.Provider}) needs is here: {(needed.Count == 0 ? "it needs nothing from this machine" : string.Join(", ", needed.Select(p => p.Name)))}");
            return ExitCodes.Passed;
        }

        return await PrerequisiteSetup.EnsureAsync(needed, settings.Install, interrupted).ConfigureAwait(false) ? ExitCodes.Passed : ExitCodes.Failed;
    }
}

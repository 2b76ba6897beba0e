using CliWrap;
using CliWrap.Buffered;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Setup;

/// <summary>
/// Installs what a run needs and this machine lacks, saying so in one line first; with --no-install, or where nothing can
/// install, it prints the command instead and the run goes on (the specs that need the program then fail with their own diagnosis).
/// </summary>
internal static class PrerequisiteSetup
{
    public static async Task<bool> EnsureAsync(IReadOnlyList<Prerequisite> needed, bool install, CancellationToken cancellationToken)
    {
        var missing = needed.Where(p => !p.Present).ToArray();
        if (missing.Length == 0)
        {
            return true;
        }

        var names = string.Join(", ", missing.Select(p => $"{p.Name} ({p.NeededFor})"));
        var plan = InstallPlan.For(await HostFacts.DetectAsync().ConfigureAwait(false), missing);
        if (!install || plan.Commands.Count == 0)
        {
            Say.Line($"missing: {names}. {(install ? $"It cannot be installed here ({plan.CannotBecause}); install" : "--no-install: not installing; install")} it with: {plan.ManualCommand}");
            return false;
        }

        Say.Line($"installing {string.Join(", ", missing.Select(p => p.Name))}, which this run needs ({names}): {plan.ManualCommand} (--no-install opts out)");
        foreach (var command in plan.Commands)
        {
            var run = await CliWrap.Cli.Wrap(command[0]).WithArguments(command[1..])
                .WithEnvironmentVariables(e => e.Set("DEBIAN_FRONTEND", "noninteractive"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                var output = (run.StandardOutput + run.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(15);
                Say.Line($"'{string.Join(' ', command)}' failed (exit {run.ExitCode}):{System.Environment.NewLine}  {SecretMasker.Apply(string.Join(System.Environment.NewLine + "  ", output))}");
                Say.Line($"install by hand with: {plan.ManualCommand}");
                return false;
            }
        }

        if (plan.CannotBecause is { } rest)
        {
            Say.Line(rest);
        }

        return true;
    }
}

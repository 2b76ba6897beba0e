using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// The platform half of <see cref="PlatformPipeline"/> for a command that works against the platform in this process (slo,
/// scale, watch): the platform prepared (install, build, images), started when local, its preflight run; the work, stoppable by
/// SIGTERM or Ctrl-C; the platform torn down. Exit 1, said why, when the build failed or the platform is unavailable.
/// </summary>
internal static class PlatformSession
{
    /// <summary>The body: the platform, its one-line description, and a token cancelled on interrupt; returns the exit code.</summary>
    public delegate Task<int> Body(PlatformFixture platform, string target, CancellationToken stop);

    /// <param name="workWithFailedPreflight">
    /// Run the work also when the preflight failed (watch: a target that is down is what it reports, tick by tick; doctor: the
    /// table says which layer broke); otherwise
    /// a failed preflight is the command's verdict, and nothing is run.
    /// </param>
    public static async Task<int> RunAsync(string command, RunSettings settings, GoldenPathEnvironment environment, Body body, CancellationToken interrupted, bool workWithFailedPreflight = false)
    {
        if (!await PlatformPipeline.PrepareAsync(settings, environment, await PlatformPipeline.PlatformPlanAsync(environment).ConfigureAwait(false), BuildScope.Platform, interrupted).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        SuiteSettings.Use(SuiteSettings.Current with { ResultsDirectory = settings.Results });
        var platform = new PlatformFixture();
        try
        {
            await platform.InitializeAsync().ConfigureAwait(false);
            string target;
            try
            {
                target = platform.Stack.Description;
                Say.Line($"{command}: {target}: preflight passed");
            }
            catch (PlatformUnavailableException e) when (!workWithFailedPreflight || platform.StackDescription is null)
            {
                Say.Line($"{command}: nothing run: {SecretMasker.Apply(e.Message)}");
                return ExitCodes.Failed;
            }
            catch (PlatformUnavailableException e)
            {
                target = platform.StackDescription!;
                Say.Line($"{command}: {target}: preflight FAILED: {SecretMasker.Apply(e.Message.Split('\n')[0])}");
            }

            using var signalled = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
            using var signals = new StopSignals(signalled);
            return await body(platform, target, signalled.Token).ConfigureAwait(false);
        }
        finally
        {
            if (environment.Stack.Provider != StackProvider.Remote)
            {
                Say.Line($"{command}: tearing down the stack it started");
            }

            await platform.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The thresholds <paramref name="read"/> gives; a malformed one is a usage error (exit 2) that names it.</summary>
    public static IReadOnlyList<Threshold> Thresholds(Func<IReadOnlyList<Threshold>> read)
    {
        try
        {
            return read();
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}

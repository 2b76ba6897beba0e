using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// What a command that measures the platform in this process (slo, scale) does around its work: the platform prepared
/// (programs, build, images), started when local, its preflight passed; the work, stoppable by SIGTERM or Ctrl-C; the platform
/// torn down. Exit 1, said why, when the build failed or the platform is unavailable.
/// </summary>
internal static class PlatformSession
{
    /// <summary>The body: the platform, its one-line description, and a token cancelled on interrupt; returns the exit code.</summary>
    public delegate Task<int> Body(PlatformFixture platform, string target, CancellationToken stop);

    public static async Task<int> RunAsync(string command, RunSettings settings, GoldenPathEnvironment environment, Body body, CancellationToken interrupted)
    {
        if (!await PlatformPreparation.EnsureAsync(settings, environment, interrupted).ConfigureAwait(false))
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
            }
            catch (PlatformUnavailableException e)
            {
                Say.Line($"{command}: nothing run: {SecretMasker.Apply(e.Message)}");
                return ExitCodes.Failed;
            }

            Say.Line($"{command}: {target}: preflight passed");
            using var signalled = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
            using var signals = new StopSignals(signalled);
            return await body(platform, target, signalled.Token).ConfigureAwait(false);
        }
        finally
        {
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

using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Scale;

/// <summary>
/// <c>scale</c>: the isolation check at scale (<see cref="ScaleRun"/>) against the environment's platform (started here when
/// local): scale.json, scale.md and a benchmarks table row in the results folder. Exit 0 when nothing leaked, no run was
/// lost or failed and every latency threshold holds; 1 otherwise or when the platform is unavailable; 130 when interrupted.
/// </summary>
internal static class ScaleCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, string? label, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        IReadOnlyList<Threshold> thresholds;
        try
        {
            thresholds = ScaleThresholds.For(environment);
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException(e.Message);
        }

        if (!await PlatformPreparation.EnsureAsync(settings, environment, interrupted).ConfigureAwait(false))
        {
            return 1;
        }

        System.Environment.SetEnvironmentVariable("GOLDENPATH_RESULTS_DIR", settings.Results);
        var plan = ScalePlan.From(environment.Scale);
        Say.Line($"scale: environment '{environment.Name}' ({environment.Stack.Provider}), {plan}; thresholds: {string.Join(", ", thresholds)}");
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
                Say.Line($"scale: nothing run: {SecretMasker.Apply(e.Message)}");
                return 1;
            }

            Say.Line($"scale: {target}: preflight passed");
            var startedAt = DateTimeOffset.UtcNow;
            using var signalled = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
            using var signals = new StopSignals(signalled);
            ScaleResult? result = null;
            try
            {
                result = await new ScaleRun(platform, plan).ExecuteAsync(Say.Line, signalled.Token).ConfigureAwait(false);
            }
            catch (Exception) when (signalled.IsCancellationRequested)
            {
                // interrupted: what failed from here on may be the teardown's doing
            }

            if (result is null || signalled.IsCancellationRequested)
            {
                Say.Line("scale: interrupted; no report");
                return 130;
            }

            var report = ScaleReport.From(environment.Name, target, startedAt, result, result.Judge(thresholds));
            Directory.CreateDirectory(settings.Results);
            var markdown = report.ToMarkdown();
            File.WriteAllText(Path.Combine(settings.Results, "scale.json"), report.ToJson());
            File.WriteAllText(Path.Combine(settings.Results, "scale.md"), markdown);
            File.WriteAllText(Path.Combine(settings.Results, "scale-row.md"), $"{ScaleReport.TableHeader}\n{report.TableRow(label ?? environment.Stack.Provider.ToString().ToLowerInvariant())}\n");
            Say.Line(markdown);
            Say.Line($"scale: scale.json, scale.md and scale-row.md in {settings.Results}");
            JobSummary.AppendToGitHub(markdown);
            return report.Passed ? 0 : 1;
        }
        finally
        {
            await platform.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Scale;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
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
        var thresholds = PlatformSession.Thresholds(() => ScaleThresholds.For(environment));
        var plan = ScalePlan.From(environment.Scale);
        using var results = ResultsFolder.Claim(settings, "scale", fresh: false);
        settings = settings with { Results = results.Path };
        Say.Line($"scale: environment '{environment.Name}' ({environment.Stack.Provider}), {plan}; thresholds: {string.Join(", ", thresholds)}");
        return await PlatformSession.RunAsync("scale", settings, environment, async (platform, target, stop) =>
        {
            var startedAt = DateTimeOffset.UtcNow;
            ScaleResult? result = null;
            try
            {
                result = await new ScaleRun(platform, plan).ExecuteAsync(Say.Line, stop).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // interrupted: what failed from here on may be the teardown's doing
            }

            if (result is null || stop.IsCancellationRequested)
            {
                Say.Line("scale: interrupted; no report");
                return ExitCodes.Interrupted;
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
            return report.Passed ? ExitCodes.Passed : ExitCodes.Failed;
        }, interrupted).ConfigureAwait(false);
    }
}

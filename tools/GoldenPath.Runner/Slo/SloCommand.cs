using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Shards;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Metrics;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Slo;

/// <summary>
/// <c>slo</c>: N whole golden-path journeys, C at a time, against the environment's platform (started here when local),
/// each with the specs' own clients and rules; then the success rate, each step's percentiles and the thresholds.
/// Exit 0 when every threshold holds, 1 when one fails or the platform is unavailable, 130 when interrupted.
/// Also latencies.hlog, which <c>merge</c> adds up when the run is one shard of many (docs/distributed.md).
/// </summary>
internal static class SloCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, SloPlan plan, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var thresholds = PlatformSession.Thresholds(() => SloThresholds.For(environment));
        using var results = ResultsFolder.Claim(settings, "slo", fresh: false);
        settings = settings with { Results = results.Path };
        Say.Line($"slo: environment '{environment.Name}' ({environment.Stack.Provider}), {plan}; thresholds: {string.Join(", ", thresholds)}");
        return await PlatformSession.RunAsync("slo", settings, environment, async (platform, target, stop) =>
        {
            await ShardStart.WaitAsync(plan.StartAt, Say.Line, stop).ConfigureAwait(false);
            var startedAt = DateTimeOffset.UtcNow;
            var run = new SloRun(plan);
            using var progress = new SloProgress(plan);
            var journeys = await run.ExecuteAsync((index, timings, _) => new GoldenPathJourney(platform, timings, $"slo-{index}").WalkAsync(), progress.Finished, stop).ConfigureAwait(false);

            var report = SloReport.From(environment.Name, target, startedAt, plan, run.Elapsed, run.ClientCpu, journeys, thresholds);
            var files = SloOutputs.Write(settings.Results, report);
            LatencyLog.Write(Path.Combine(settings.Results, LatencyLog.FileName),
                SloSteps.All.ToDictionary(s => s, IReadOnlyList<double> (s) => journeys.Select(j => j.Timings[s]).OfType<double>().ToArray()), startedAt, DateTimeOffset.UtcNow);
            SloConsole.Print(report);
            Say.Line($"slo: {string.Join(", ", files.Select(Path.GetFileName))} in {settings.Results}");
            JobSummary.AppendToGitHub(File.ReadAllText(files[2]));
            MetricsPush.AtEnd("slo", metrics =>
            {
                if (thresholds.FirstOrDefault(t => t.Key == Threshold.SuccessRateKey) is { } successRate)
                {
                    metrics.Thresholds(environment, successRate);
                }

                metrics.JourneysWalked(environment.Name, journeys);
            });
            if (stop.IsCancellationRequested)
            {
                Say.Line($"slo: interrupted after {journeys.Count} journeys; the report covers those");
                return ExitCodes.Interrupted;
            }

            return report.Passed ? ExitCodes.Passed : ExitCodes.Failed;
        }, interrupted).ConfigureAwait(false);
    }

    /// <summary><c>slo --from-history FILE</c>: a watch's history as slo.html (availability over time), no journey walked.</summary>
    public static int RenderHistory(RunSettings settings, string history)
    {
        if (!File.Exists(history))
        {
            throw new UsageException($"--from-history: no file {history}");
        }

        var environment = settings.ApplyAndLoad();
        var ticks = SloHtmlReport.ReadHistory(history);
        using var results = ResultsFolder.Claim(settings, "slo", fresh: false);
        settings = settings with { Results = results.Path };
        var page = Path.Combine(settings.Results, "slo.html");
        File.WriteAllText(page, SloHtmlReport.RenderHistory(ticks, environment.Name));
        Say.Line($"slo: {ticks.Count} ticks of {history}{(ticks.SkippedLines > 0 ? $" ({ticks.SkippedLines} malformed lines skipped)" : string.Empty)} rendered as {page}");
        return ticks.Count > 0 ? ExitCodes.Passed : ExitCodes.Failed;
    }
}

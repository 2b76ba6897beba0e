using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Shards;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Scale;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Metrics;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Shards;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Scale;

/// <summary>
/// <c>scale</c>: the isolation check at scale (<see cref="ScaleRun"/>) against the environment's platform (started here when
/// local): scale.json, scale.md and a benchmarks table row in the results folder. Exit 0 when nothing leaked, no run was
/// lost or failed and every latency threshold holds; 1 otherwise or when the platform is unavailable; 130 when interrupted.
/// Also latencies.hlog and ledger.json, which <c>merge</c> adds up when the run is one shard of many (docs/distributed.md).
/// </summary>
internal static class ScaleCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, string? label, ShardSettings sharding, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var thresholds = PlatformSession.Thresholds(() => ScaleThresholds.For(environment));
        var plan = ScalePlan.From(environment.Scale);
        using var results = ResultsFolder.Claim(settings, "scale", fresh: false);
        settings = settings with { Results = results.Path };
        var shard = sharding.Shard.IsWhole ? string.Empty : $", shard {sharding.Shard} ({sharding.Shard.SizeOf(plan.Users)} users)";
        Say.Line($"scale: environment '{environment.Name}' ({environment.Stack.Provider}), {plan}{shard}; thresholds: {string.Join(", ", thresholds)}");
        return await PlatformSession.RunAsync("scale", settings, environment, async (platform, target, stop) =>
        {
            var startedAt = DateTimeOffset.UtcNow;
            ScaleResult? result = null;
            try
            {
                result = await new ScaleRun(platform, plan, shard: sharding.Shard, startAt: sharding.StartAt).ExecuteAsync(Say.Line, stop).ConfigureAwait(false);
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

            var report = ScaleReport.From(environment.Name, target, startedAt, result, result.Judge(thresholds)) with { Shard = sharding.Shard.ToString() };
            Directory.CreateDirectory(settings.Results);
            var markdown = report.ToMarkdown();
            File.WriteAllText(Path.Combine(settings.Results, "scale.json"), report.ToJson());
            File.WriteAllText(Path.Combine(settings.Results, "scale.md"), markdown);
            LatencyLog.Write(Path.Combine(settings.Results, LatencyLog.FileName), result.Samples, startedAt, DateTimeOffset.UtcNow);
            File.WriteAllText(Path.Combine(settings.Results, OwnershipLedger.FileName), result.Ledger!.ToJson());
            File.WriteAllText(Path.Combine(settings.Results, "scale-row.md"), $"{ScaleReport.TableHeader}\n{report.TableRow(label ?? environment.Stack.Provider.ToString().ToLowerInvariant())}\n");
            Say.Line(markdown);
            Say.Line($"scale: scale.json, scale.md and scale-row.md in {settings.Results}");
            JobSummary.AppendToGitHub(markdown);
            MetricsPush.AtEnd("scale", metrics => metrics.ScaleMeasured(environment.Name, result));
            return report.Passed ? ExitCodes.Passed : ExitCodes.Failed;
        }, interrupted).ConfigureAwait(false);
    }
}

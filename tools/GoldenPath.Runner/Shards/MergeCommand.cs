using GoldenPath.Reporting.Scale;
using GoldenPath.Reporting.Slo;
using GoldenPath.Reporting.Shards;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Shards;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Slo;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Shards;

/// <summary>
/// <c>merge DIR...</c>: the results folders of every shard of one scale or slo run (<c>--shard I/N</c>) into the files and
/// exit code one run of them all gives: scale.json and scale.md (with the leaks across shards), or slo.json, slo.html, slo.md
/// and slo.junit.xml; thresholds from the environment (--env). Exit 0 passed, 1 failed, 2 when the folders are not one whole run.
/// </summary>
internal static class MergeCommand
{
    public static int Execute(RunSettings settings, IReadOnlyList<string> folders)
    {
        var kinds = folders.Select(KindOf).Distinct().ToArray();
        if (kinds.Length != 1)
        {
            throw new UsageException($"merge: the folders hold results of different commands ({string.Join(", ", kinds)}); merge the shards of one scale run, or of one slo run");
        }

        var environment = settings.ApplyAndLoad();
        using var results = ResultsFolder.Claim(settings, "merge", fresh: false);
        Directory.CreateDirectory(results.Path);
        var histograms = LatencyLog.ReadMerged(folders.Select(f => Required(f, LatencyLog.FileName)));
        return kinds[0] == "scale"
            ? MergeScale(folders, PlatformSession.Thresholds(() => ScaleThresholds.For(environment)), histograms, results.Path)
            : MergeSlo(folders, PlatformSession.Thresholds(() => SloThresholds.For(environment)), histograms, results.Path);
    }

    private static int MergeScale(IReadOnlyList<string> folders, IReadOnlyList<Threshold> thresholds, IReadOnlyDictionary<string, HdrHistogram.HistogramBase> histograms, string output)
    {
        var shards = folders.Select(f => new ScaleShard(ScaleReport.FromJson(File.ReadAllText(Required(f, "scale.json"))), OwnershipLedger.Read(Required(f, OwnershipLedger.FileName)))).ToArray();
        ShardSet.CheckWhole(shards.Select(s => s.Report.Shard), folders);
        var (report, crossShard) = ScaleMerge.Merge(shards, histograms, thresholds);
        var markdown = ScaleMerge.Markdown(report, shards, crossShard.Count);
        File.WriteAllText(Path.Combine(output, "scale.json"), report.ToJson());
        File.WriteAllText(Path.Combine(output, "scale.md"), markdown);
        Say.Line(markdown);
        foreach (var leak in crossShard.Take(20))
        {
            Say.Line($"merge: leak across shards: {leak}");
        }

        Say.Line($"merge: {shards.Length} shards, {report.Users:N0} users, {report.RunsCompleted:N0} of {report.RunsExpected:N0} runs, " +
                 $"{report.Leaks} leak(s) ({crossShard.Count} across shards); {(report.Passed ? "passed" : "FAILED")}; scale.json and scale.md in {output}");
        JobSummary.AppendToGitHub(markdown);
        return report.Passed ? 0 : 1;
    }

    private static int MergeSlo(IReadOnlyList<string> folders, IReadOnlyList<Threshold> thresholds, IReadOnlyDictionary<string, HdrHistogram.HistogramBase> histograms, string output)
    {
        var shards = folders.Select(f => SloReport.FromJson(File.ReadAllText(Required(f, "slo.json")))).ToArray();
        ShardSet.CheckWhole(shards.Select(s => s.Shard ?? Shard.Whole.ToString()), folders);
        var report = SloMerge.Merge(shards, histograms, thresholds);
        var files = SloOutputs.Write(output, report);
        SloConsole.Print(report);
        Say.Line($"merge: {shards.Length} shards; {string.Join(", ", files.Select(Path.GetFileName))} in {output}");
        JobSummary.AppendToGitHub(File.ReadAllText(files[2]));
        return report.Passed ? 0 : 1;
    }

    private static string KindOf(string folder) =>
        !Directory.Exists(folder) ? throw new UsageException($"merge: no folder {folder}")
        : File.Exists(Path.Combine(folder, "scale.json")) ? "scale"
        : File.Exists(Path.Combine(folder, "slo.json")) ? "slo"
        : throw new UsageException($"merge: {folder} holds neither scale.json nor slo.json: give the results folder of each shard (scale or slo --shard I/N --results DIR)");

    private static string Required(string folder, string file) =>
        Path.Combine(folder, file) is var path && File.Exists(path)
            ? path
            : throw new UsageException($"merge: {folder} has no {file}: it was not written by a shard of this version (run scale or slo --shard I/N again)");
}

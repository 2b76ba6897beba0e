using GoldenPath.Reporting.Scale;
using GoldenPath.Reporting.Shards;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Shards;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Fixtures.Stack;
using HdrHistogram;

namespace GoldenPath.UnitTests.Shards;

[Unit]
public sealed class ScaleMergeTests
{
    private static readonly ScalePlan Plan = new(Users: 2, RunsPerUser: 2, Tabs: 1, TabbedShare: 0, RampUp: TimeSpan.Zero);
    private static readonly IReadOnlyList<Threshold> Thresholds = ScaleThresholds.For(new GoldenPathEnvironment());

    [Fact]
    public void Clean_shards_add_up_to_the_run_of_all_their_users()
    {
        var (shards, histograms) = Shards(sighting: null);

        var (merged, crossShard) = ScaleMerge.Merge(shards, histograms, Thresholds);

        crossShard.Should().BeEmpty();
        merged.Passed.Should().BeTrue();
        merged.Users.Should().Be(4);
        merged.RunsCompleted.Should().Be(8);
        merged.RunsExpected.Should().Be(8);
        merged.Steps[SloSteps.Completion]!.Count.Should().Be(8);
        merged.Steps[SloSteps.Completion]!.Max.Should().BeApproximately(80, 0.1, "the slow shard's runs are in the merged histogram");
        merged.Shard.Should().Be("2 shards");
        ScaleMerge.Markdown(merged, shards, 0).Should().Contain("### 2 shards: 0 leak(s) across shards, 0 inside one").And.Contain("| 2/2 | 2 |");
    }

    [Fact]
    public void A_leak_across_shards_fails_the_merge_though_each_shard_passed()
    {
        var (shards, histograms) = Shards(sighting: new Sighting("run_id", "r-1/2-0", "scale1", "u-2/2-0", "WebSocket [scale1.tab1] frame #5 (agent_thinking)"));
        shards.Should().OnlyContain(s => s.Report.Passed);

        var (merged, crossShard) = ScaleMerge.Merge(shards, histograms, Thresholds);

        merged.Passed.Should().BeFalse();
        merged.Leaks.Should().Be(1);
        crossShard.Should().ContainSingle().Which.ToString().Should().StartWith("scale0 (user u-1/2-0, shard 1/2)'s data reached scale1 (user u-2/2-0, shard 2/2)");
        merged.Failures.Should().ContainSingle().Which.Should().StartWith("1 leak(s) across shards: isolation: 1 leak(s)");
    }

    // Two shards of 2 users, 2 runs each; shard 2's runs are 10x slower. The sighting, if any, goes into shard 2's ledger.
    private static (ScaleShard[] Shards, IReadOnlyDictionary<string, HistogramBase> Histograms) Shards(Sighting? sighting)
    {
        var shards = new[] { new Shard(1, 2), new Shard(2, 2) }.Select(shard =>
        {
            var slow = shard.Index == 2 ? 10 : 1;
            var timings = Enumerable.Range(0, 4).Select(i => new ScaleRunTiming(i / 2, i % 2, i + 1, i + 2, slow * 2 * (i + 1))).ToArray();
            var snapshot = new ScaleMemory.Snapshot(1_000_000, 2_000_000, [new ServiceMemory("backend", 100_000_000, 100_000_000)]);
            var result = new ScaleResult(Plan, TimeSpan.FromSeconds(2), new Dictionary<string, double> { ["runs"] = 1 }, TimeSpan.FromSeconds(1), 2, 20,
                [3, 4], timings, [], [], ScaleMemory.From(2, snapshot, snapshot, snapshot));
            var report = ScaleReport.From("local", "processes", DateTimeOffset.UnixEpoch, result, result.Judge(Thresholds)) with { Shard = shard.ToString() };
            var ledger = new OwnershipLedger(OwnershipLedger.SchemaName, shard.ToString(),
                [new LedgerUser($"scale{shard.Index - 1}", $"u-{shard}-0", "gpmark" + new string((char)('a' + shard.Index), 14), [$"r-{shard}-0"], [])],
                shard.Index == 2 && sighting is not null ? [sighting] : []);
            return (Shard: new ScaleShard(report, ledger), result.Samples);
        }).ToArray();

        var histograms = shards.SelectMany(s => s.Samples).GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g => (HistogramBase)StepStatistics.Histogram(g.SelectMany(s => s.Value)));
        return (shards.Select(s => s.Shard).ToArray(), histograms);
    }
}

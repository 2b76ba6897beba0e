using GoldenPath.Fixtures.Shards;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.UnitTests.Shards;

[Unit]
public sealed class LatencyLogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("goldenpath-hlog-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Shards_logs_merge_into_the_percentiles_of_every_sample_not_an_average_of_percentiles()
    {
        var random = new Random(7);

        // Two shards with very different latencies: averaging their p99s would be far from the p99 of all samples.
        var fast = Enumerable.Range(0, 5_000).Select(_ => 5 + random.NextDouble() * 20).ToArray();
        var slow = Enumerable.Range(0, 1_000).Select(_ => 200 + random.NextDouble() * 800).ToArray();
        var start = DateTimeOffset.UnixEpoch.AddDays(20_000);
        LatencyLog.Write(Path.Combine(folder, "1.hlog"), new Dictionary<string, IReadOnlyList<double>> { ["completion"] = fast, ["ack"] = fast }, start, start.AddMinutes(1));
        LatencyLog.Write(Path.Combine(folder, "2.hlog"), new Dictionary<string, IReadOnlyList<double>> { ["completion"] = slow, ["ack"] = [] }, start, start.AddMinutes(1));

        var merged = LatencyLog.ReadMerged([Path.Combine(folder, "1.hlog"), Path.Combine(folder, "2.hlog")]);

        var whole = StepStatistics.Of(fast.Concat(slow))!;
        var fromLogs = StepStatistics.Of(merged["completion"])!;
        fromLogs.Count.Should().Be(6_000);
        fromLogs.P50.Should().Be(whole.P50);
        fromLogs.P90.Should().Be(whole.P90);
        fromLogs.P95.Should().Be(whole.P95);
        fromLogs.P99.Should().BeApproximately(whole.P99, whole.P99 * 0.001);
        fromLogs.Max.Should().BeApproximately(whole.Max, whole.Max * 0.001);
        fromLogs.Mean.Should().BeApproximately(whole.Mean, whole.Mean * 0.001);
        StepStatistics.Of(merged["ack"])!.Count.Should().Be(5_000, "a step a shard has no sample of adds nothing");
    }

    [Fact]
    public void The_file_is_HdrHistogram_s_standard_log_with_each_step_as_a_tag()
    {
        var start = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var path = Path.Combine(folder, "a.hlog");
        LatencyLog.Write(path, new Dictionary<string, IReadOnlyList<double>> { ["handshake"] = [1.5, 2.5] }, start, start.AddSeconds(3));

        var text = File.ReadAllText(path);
        text.Should().Contain("#[Histogram log format version").And.Contain("Tag=handshake,");
    }
}

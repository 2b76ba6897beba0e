using GoldenPath.Runner.Metrics;

namespace GoldenPath.UnitTests.Monitoring;

/// <summary>The instrument set of watch, slo and scale as a real scrape shows it: the names and labels deploy/monitoring queries.</summary>
[Unit]
public sealed class GoldenPathMetricsTests
{
    [Fact]
    public async Task Every_instrument_shows_under_its_Prometheus_name_with_its_labels()
    {
        var samples = await MetricsScrape.EveryMeasurementAsync("unit-names");

        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.Up).Which.Should().Match<MetricSample>(s => s.Value == 0 && s.Label("location") == "eu-west");
        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.FailingTicks).Which.Value.Should().Be(2);
        samples.Where(s => s.Name == GoldenPathMetrics.Journeys).Select(s => (s.Label("result"), s.Label("failure"), s.Value))
            .Should().BeEquivalentTo([("passed", "none", 1.0), ("failed", "isolation", 1.0)]);
        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.IsolationLeaks).Which.Value.Should().Be(1);
        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.SuccessRatioThreshold).Which.Value.Should().Be(0.99);
        samples.Where(s => s.Name == GoldenPathMetrics.StepBudget).Select(s => (s.Label("step"), s.Value))
            .Should().BeEquivalentTo([("handshake", 5.0), ("firstEvent", 2.0), ("completion", 30.0), ("gap", 10.0)]);
    }

    [Fact]
    public async Task Step_durations_are_a_histogram_in_seconds_with_buckets_at_the_budgets()
    {
        var samples = await MetricsScrape.EveryMeasurementAsync("unit-steps");

        var firstEvent = samples.Where(s => s.Name == GoldenPathMetrics.StepDuration + "_bucket" && s.Label("step") == "firstEvent").ToArray();
        firstEvent.Select(s => s.Label("le")).Should().Contain(["2", "5", "10", "30", "+Inf"], "§5's budgets are bucket bounds");
        firstEvent.Single(s => s.Label("le") == "1.5").Value.Should().Be(0, "1.9 s is over 1.5 s");
        firstEvent.Single(s => s.Label("le") == "2").Value.Should().Be(1, "1.9 s is within the 2 s budget");
        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.StepDuration + "_sum" && s.Label("step") == "firstEvent").Which.Value.Should().BeApproximately(1.9, 1e-9);
        samples.Should().ContainSingle(s => s.Name == GoldenPathMetrics.StepDuration + "_count" && s.Label("step") == "login").Which.Value.Should().Be(2);
    }

    [Fact]
    public async Task A_preflight_layer_is_1_when_it_passed_0_when_it_failed_and_absent_when_not_reached()
    {
        var samples = await MetricsScrape.EveryMeasurementAsync("unit-preflight");

        samples.Where(s => s.Name == GoldenPathMetrics.PreflightCheck).Select(s => (s.Label("check"), s.Value))
            .Should().BeEquivalentTo([("tcp", 1.0), ("backend health", 0.0)], "the websocket layer was not reached: no value rather than a stale one");
    }

    [Theory]
    [InlineData("127.0.0.1:9464", true)]
    [InlineData("[::1]:9464", true)]
    [InlineData("0.0.0.0:9464", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("localhost:9464", false)]
    [InlineData("127.0.0.1:99999", false)]
    [InlineData("", false)]
    public void Metrics_listen_takes_an_address_and_a_port(string text, bool valid) =>
        MetricsExport.TryParseListen(text, out _).Should().Be(valid);
}

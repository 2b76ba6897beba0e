using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class ThresholdTests
{
    [Theory]
    [InlineData("handshakeMs", "p95 < 500", "handshake", "p95", "<", 500, "handshakeMs p95 < 500")]
    [InlineData("completionMs", " p99<=30000 ", "completion", "p99", "<=", 30000, "completionMs p99 <= 30000")]
    [InlineData("gapMs", "max < 10000.5", "gap", "max", "<", 10000.5, "gapMs max < 10000.5")]
    [InlineData("loginMs", "avg > 1", "login", "avg", ">", 1, "loginMs avg > 1")]
    public void A_latency_threshold_names_a_step_a_statistic_a_comparison_and_milliseconds(string key, string text, string step, string statistic, string op, double limit, string written)
    {
        var threshold = Threshold.Parse(key, text, "test");

        (threshold.Step, threshold.Statistic, threshold.Operator, threshold.Limit).Should().Be((step, statistic, op, limit));
        threshold.ToString().Should().Be(written);
    }

    [Theory]
    [InlineData(500, "500")]
    [InlineData(10000.5, "10000.5")]
    [InlineData(0.99, "0.99")]
    [InlineData(1012.23456, "1012.2346")]
    public void Format_writes_a_limit_without_trailing_zeros_and_at_most_four_decimals(double value, string written) =>
        Threshold.Format(value).Should().Be(written);

    [Fact]
    public void The_success_rate_is_a_comparison_with_a_share()
    {
        var threshold = Threshold.Parse("successRate", ">= 0.99", "test");

        threshold.Holds(0.99).Should().BeTrue();
        threshold.Holds(0.98).Should().BeFalse();
        threshold.Expression.Should().Be(">= 0.99");
    }

    [Theory]
    [InlineData("handshakeMs", "p95 500", "expected a statistic")]
    [InlineData("handshakeMs", "p42 < 500", "expected a statistic")]
    [InlineData("successRate", ">= 99", "a share between 0 and 1")]
    [InlineData("successRate", "p95 < 1", "a share between 0 and 1")]
    [InlineData("latencyMs", "p95 < 500", "no such threshold; known: successRate, loginMs, handshakeMs")]
    public void A_malformed_threshold_is_refused_naming_the_key_and_what_was_expected(string key, string text, string expected)
    {
        var parse = () => Threshold.Parse(key, text, "test");

        parse.Should().Throw<EnvironmentConfigurationException>().WithMessage($"*slo.{key}*{expected}*");
    }

    [Theory]
    [InlineData("<", 499.9, true)]
    [InlineData("<", 500, false)]
    [InlineData("<=", 500, true)]
    [InlineData(">", 500, false)]
    [InlineData(">=", 500, true)]
    public void Holds_compares_the_measure_with_the_limit(string op, double measured, bool holds) =>
        Threshold.Parse("ackMs", $"p50 {op} 500", "test").Holds(measured).Should().Be(holds);
}

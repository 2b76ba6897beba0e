using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Scale;

namespace GoldenPath.UnitTests.Scale;

[Unit]
public sealed class ScaleThresholdsTests
{
    [Fact]
    public void By_default_p95_and_p99_of_each_step_stay_under_its_budget_the_ack_under_the_first_events()
    {
        var thresholds = ScaleThresholds.For(new GoldenPathEnvironment { Budgets = new BudgetSettings { FirstEventSeconds = 3 } });

        thresholds.Select(t => t.ToString()).Should().Equal(
            "handshakeMs p95 < 5000", "handshakeMs p99 < 5000", "ackMs p95 < 3000", "ackMs p99 < 3000",
            "firstEventMs p95 < 3000", "firstEventMs p99 < 3000", "completionMs p95 < 30000", "completionMs p99 < 30000");
        thresholds.Should().OnlyContain(t => t.Source.StartsWith("default", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scale_section_replaces_a_steps_list_or_turns_it_off()
    {
        var environment = new GoldenPathEnvironment { Name = "ci", Scale = new ScaleSettings { CompletionMs = "p95 < 2000, p99<4000", HandshakeMs = "" } };

        var thresholds = ScaleThresholds.For(environment);

        thresholds.Where(t => t.Key == "completionMs").Select(t => t.Expression).Should().Equal("p95 < 2000", "p99 < 4000");
        thresholds.Should().NotContain(t => t.Key == "handshakeMs");
        thresholds.First(t => t.Key == "completionMs").Source.Should().Be("environment 'ci' (its scale section, or a GOLDENPATH__Scale__ override)");
    }

    [Fact]
    public void A_dialect_without_an_ack_has_no_default_ack_threshold()
    {
        var netra = EnvironmentLoader.Load("local", GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory,
            new Dictionary<string, string?> { ["GOLDENPATH__Protocol__Dialect"] = "netra-apex" });

        ScaleThresholds.For(netra).Select(t => t.Key).Should().NotContain("ackMs").And.Contain("firstEventMs");
    }

    [Fact]
    public void A_malformed_threshold_names_the_scale_section()
    {
        var environment = new GoldenPathEnvironment { Scale = new ScaleSettings { AckMs = "p95 < 2000, fast" } };

        var read = () => ScaleThresholds.For(environment);

        read.Should().Throw<EnvironmentConfigurationException>().WithMessage("scale.ackMs is \"fast\": expected a statistic*");
    }
}

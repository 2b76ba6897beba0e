using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class SloThresholdsTests
{
    [Fact]
    public void Without_an_slo_section_the_defaults_come_from_the_environments_budgets()
    {
        var environment = new GoldenPathEnvironment { Name = "ci", Budgets = new BudgetSettings { FirstEventSeconds = 4 } };

        SloThresholds.For(environment).Select(t => t.ToString()).Should().Equal(
            "successRate >= 0.99", "handshakeMs p95 < 5000", "firstEventMs p95 < 4000", "completionMs p95 < 30000", "gapMs p95 < 10000");
        SloThresholds.For(environment).Should().OnlyContain(t => t.Source.StartsWith("default", StringComparison.Ordinal));
    }

    [Fact]
    public void The_environment_file_overrides_adds_and_turns_off_thresholds()
    {
        var environment = new GoldenPathEnvironment { Name = "staging", Slo = new SloSettings { HandshakeMs = "p95 < 500", LoginMs = "p99 < 800", GapMs = string.Empty } };

        var thresholds = SloThresholds.For(environment);

        thresholds.Select(t => t.ToString()).Should().Equal("successRate >= 0.99", "loginMs p99 < 800", "handshakeMs p95 < 500", "firstEventMs p95 < 2000", "completionMs p95 < 30000");
        thresholds.Single(t => t.Key == "handshakeMs").Source.Should().Be("environment 'staging' (its slo section, or a GOLDENPATH__Slo__ override)");
    }

    [Fact]
    public void With_every_threshold_switched_off_the_run_is_refused_as_a_request_it_cannot_carry_out()
    {
        var environment = new GoldenPathEnvironment
        {
            Name = "staging",
            Slo = new SloSettings { SuccessRate = "", LoginMs = "", HandshakeMs = "", AckMs = "", FirstEventMs = "", CompletionMs = "", GapMs = "" },
        };

        var read = () => GoldenPath.Runner.Stack.PlatformSession.Thresholds(() => SloThresholds.For(environment));

        // UsageException is exit 2: "a request the runner cannot carry out".
        read.Should().Throw<GoldenPath.Runner.Cli.UsageException>()
            .WithMessage("slo.successRate is empty: the success rate cannot be turned off, since without it failed journeys fail nothing*");
    }

    [Fact]
    public void The_success_rate_floor_stays_when_every_latency_threshold_is_off()
    {
        var environment = new GoldenPathEnvironment { Slo = new SloSettings { HandshakeMs = "", FirstEventMs = "", CompletionMs = "", GapMs = "" } };

        SloThresholds.For(environment).Select(t => t.ToString()).Should().Equal("successRate >= 0.99");
    }

    [Theory]
    [InlineData(">= 0")]
    [InlineData("<= 1")]
    [InlineData("< 0.5")]
    public void A_success_rate_that_holds_when_every_journey_fails_is_refused(string rate)
    {
        var environment = new GoldenPathEnvironment { Slo = new SloSettings { SuccessRate = rate } };

        var read = () => SloThresholds.For(environment);

        read.Should().Throw<EnvironmentConfigurationException>().WithMessage($"slo.successRate is \"{rate}\": it holds even when every journey fails*");
    }

    [Fact]
    public void An_slo_section_that_breaks_the_schema_is_refused_at_load_with_its_path()
    {
        var directory = Directory.CreateTempSubdirectory("goldenpath-env-").FullName;
        try
        {
            File.Copy(Path.Combine(GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, "environment.schema.json"), Path.Combine(directory, "environment.schema.json"));
            File.WriteAllText(Path.Combine(directory, "broken.json"), """{ "slo": { "handshakeMs": "fast please" } }""");

            var load = () => EnvironmentLoader.Load("broken", directory, new Dictionary<string, string?>());

            load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*$.slo.handshakeMs*");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

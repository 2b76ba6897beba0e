using System.Xml.Linq;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class SloReportTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_report_gives_the_success_rate_the_steps_percentiles_and_each_thresholds_verdict()
    {
        var journeys = Enumerable.Range(0, 100).Select(i => Journey(i, handshakeMs: i + 1, completionMs: 100 + i)).ToList();
        journeys[7] = journeys[7] with { Success = false, FailureClass = "budget-first-event", Diagnosis = "late", Transcript = "whole transcript" };
        var thresholds = SloThresholds.For(new GoldenPathEnvironment { Slo = new SloSettings { HandshakeMs = "p95 < 90" } });

        var report = SloReport.From("local", "processes", Started, new SloPlan(100, 10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), journeys, thresholds);

        report.SuccessRate.Should().Be(0.99);
        report.JourneysPerSecond.Should().Be(10);
        report.ClientCpuMsPerJourney.Should().Be(20);
        report.Steps[SloSteps.Handshake]!.P95.Should().BeApproximately(95, 0.1);
        report.Steps[SloSteps.Handshake]!.Max.Should().Be(100);
        report.Steps[SloSteps.Login].Should().BeNull("no journey measured a login");
        report.Thresholds.Single(t => t.Key == "handshakeMs").Should().Match<ThresholdResult>(t => !t.Passed && t.Verdict.StartsWith("p95 95", StringComparison.Ordinal));
        report.Thresholds.Single(t => t.Key == "successRate").Passed.Should().BeTrue();
        report.Passed.Should().BeFalse();
        report.Failures.Should().ContainSingle().Which.Should().Be(new FailureSummary("budget-first-event", 1, 7, "late", "whole transcript"));
        report.JourneyList.Should().OnlyContain(j => j.Transcript == null, "transcripts are kept once per class, in Failures");
    }

    [Fact]
    public void A_threshold_on_a_step_no_journey_reached_fails_as_not_measured()
    {
        var thresholds = new[] { Threshold.Parse("loginMs", "p95 < 500", "test") };

        var report = SloReport.From("local", "processes", Started, new SloPlan(1, 1), TimeSpan.FromSeconds(1), TimeSpan.Zero, [Journey(0, 1, 1)], thresholds);

        report.Thresholds.Single().Should().Match<ThresholdResult>(t => !t.Passed && t.Measured == null && t.Verdict.StartsWith("not measured", StringComparison.Ordinal));
    }

    [Fact]
    public void Slo_json_round_trips_and_markdown_and_junit_show_every_threshold()
    {
        var thresholds = SloThresholds.For(new GoldenPathEnvironment { Slo = new SloSettings { CompletionMs = "p99 < 100" } });
        var report = SloReport.From("local", "processes | stack", Started, new SloPlan(10, 2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1),
            Enumerable.Range(0, 10).Select(i => Journey(i, 5, 90 + (i * 2))).ToArray(), thresholds);

        var back = SloReport.FromJson(report.ToJson());
        back.Should().BeEquivalentTo(report);
        report.ToJson().Should().Contain("\"schema\": \"goldenpath-slo/1\"").And.Contain("\"journeyList\"");

        var markdown = SloMarkdown.Render(report);
        markdown.Should().StartWith("## GoldenPath SLO: FAILED, 10 of 10 journeys passed (100.0 %)");
        markdown.Should().Contain("| `completionMs p99 < 100` | 108 | **FAILED**").And.Contain("processes \\| stack");

        var junit = SloJunit.Render(report);
        junit.Descendants("testcase").Select(t => t.Attribute("name")!.Value).Should().Equal(report.Thresholds.Select(t => $"{t.Key} {t.Expression}"));
        junit.Descendants("failure").Should().ContainSingle().Which.Attribute("message")!.Value.Should().Contain("FAILS p99 < 100");
        junit.Root!.Element("testsuite")!.Attribute("failures")!.Value.Should().Be("1");
    }

    [Fact]
    public void A_report_that_checked_no_threshold_does_not_pass_even_when_every_journey_failed()
    {
        var report = SloSamples.Report([SloSamples.Failed(0, "golden-order", "agent_thinking never came")]);

        report.Passed.Should().BeFalse("a run that checked nothing passed nothing");
    }

    private static JourneyOutcome Journey(int index, double handshakeMs, double completionMs) =>
        new(index, index * 10, completionMs + 50, true, null, null, new JourneyTimings { HandshakeMs = handshakeMs, AckMs = 5, FirstEventMs = 10, CompletionMs = completionMs, GapMs = 3 });
}

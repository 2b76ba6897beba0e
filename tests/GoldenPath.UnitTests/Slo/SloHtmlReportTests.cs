using System.Text.RegularExpressions;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using static GoldenPath.UnitTests.Slo.SloSamples;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed partial class SloHtmlReportTests
{
    private static readonly JourneyOutcome[] Mixed =
    [
        Passed(0, 110), Passed(1, 130), Passed(2, 150), Passed(3, 170),
        Failed(4, "budget-completion", "step 4 'ask' failed: no agent_completed within 30 s"),
        Passed(5, 190),
        Failed(6, "step 2 'connect' failed", "step 2 'connect' failed: connection refused"),
    ];

    [Fact]
    public void The_page_is_self_contained_nothing_is_fetched_from_anywhere()
    {
        var html = SloHtmlReport.Render(Report(Mixed, "successRate >= 0.99"));

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<style>");
        ExternalReference().Matches(html).Select(m => m.Value).Should().BeEmpty("the page inlines its styles and charts: no src=, href=, url(), @import or <link>");
        html.Should().NotContain("<script", "the page needs no script");
        // The only URLs on the page are the target's, as encoded text.
        UrlOutsideText().Matches(html).Select(m => m.Value).Should().BeEmpty();
    }

    [Fact]
    public void The_thresholds_are_listed_with_what_was_measured_and_their_verdicts()
    {
        var html = SloHtmlReport.Render(Report(Mixed, "successRate >= 0.99", "completionMs p95 < 30000"));

        html.Should().Contain("data-testid=\"slo-verdict\">✗ FAILED<");
        Row(html, "successRate").Should().Contain("data-passed=\"false\"").And.Contain("0.7143 (71.43 %)").And.Contain("FAILS &gt;= 0.99").And.Contain("✗ FAILED");
        Row(html, "completionMs").Should().Contain("data-passed=\"true\"").And.Contain("holds p95 &lt; 30000").And.Contain("✓ PASSED");
    }

    [Fact]
    public void Every_measured_step_has_a_histogram_and_a_percentile_table_and_every_journey_a_mark()
    {
        var html = SloHtmlReport.Render(Report(Mixed, "successRate >= 0.99"));

        Regex.Matches(html, "data-testid=\"step-section\" data-step=\"([a-zA-Z]+)\"").Select(m => m.Groups[1].Value)
            .Should().Equal(SloSteps.All, "every step has values in these journeys");
        Regex.Count(html, "data-testid=\"step-histogram\"").Should().Be(SloSteps.All.Count);
        Regex.Count(html, "data-testid=\"percentile-table\"").Should().Be(SloSteps.All.Count);
        Regex.Count(html, "data-testid=\"journey-mark\"").Should().Be(Mixed.Length);
        Regex.Count(html, "data-testid=\"journey-mark\"[^>]*data-success=\"false\"").Should().Be(2);
        html.Should().Contain("data-testid=\"failure-class\" data-class=\"budget-completion\"")
            .And.Contain("data-testid=\"failure-class\" data-class=\"step 2 &#39;connect&#39; failed\"");
    }

    [Fact]
    public void Text_from_the_run_is_encoded_a_script_in_a_diagnosis_stays_text()
    {
        var report = Report([Passed(0, 100), Failed(1, "rule \"x\" <b>", "<script>alert('pwned')</script>")], "successRate >= 0.99");

        var html = SloHtmlReport.Render(report);

        html.Should().NotContain("<script").And.NotContain("<b>")
            .And.Contain("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
            .And.Contain("data-class=\"rule &quot;x&quot; &lt;b&gt;\"");
    }

    [Fact]
    public void A_run_without_journeys_renders_and_says_so()
    {
        var html = SloHtmlReport.Render(Report([], "successRate >= 0.99"));

        html.Should().Contain("No journey ran.").And.Contain("No journey reached a measured step.").And.Contain("No journey failed.")
            .And.Contain("no journey ran: nothing to measure").And.Contain("✗ FAILED");
        html.Should().NotContain("data-testid=\"step-section\"");
    }

    [Fact]
    public void A_run_where_every_journey_failed_renders_its_classes_and_marks()
    {
        var journeys = Enumerable.Range(0, 5).Select(i => Failed(i, i % 2 == 0 ? "budget-handshake" : "agent-error", $"journey {i} failed")).ToArray();

        var html = SloHtmlReport.Render(Report(journeys, "successRate >= 0.99", "completionMs p95 < 500"));

        Regex.Count(html, "data-testid=\"journey-mark\"[^>]*data-success=\"false\"").Should().Be(5);
        Regex.Count(html, "data-testid=\"failure-class\"").Should().Be(2);
        Row(html, "completionMs").Should().Contain("data-passed=\"false\"").And.Contain("not measured: no journey reached completion");
        html.Should().Contain("data-step=\"handshake\"").And.NotContain("data-step=\"completion\"");
    }

    [Fact]
    public void A_single_journey_and_equal_values_still_draw_bars()
    {
        var html = SloHtmlReport.Render(Report([Passed(0, 100)], "successRate >= 0.99"));

        html.Should().Contain("data-testid=\"histogram-bar\" data-count=\"1\"").And.Contain("data-testid=\"slo-verdict\">✓ PASSED<");
        html.Should().NotContain("NaN").And.NotContain("Infinity");
    }

    private static string Row(string html, string key) =>
        Regex.Match(html, $"<tr data-testid=\"threshold-row\" data-key=\"{key}\".*?</tr>").Value;

    [GeneratedRegex(@"\b(src|href|xlink:href)\s*=|url\(|@import|<link\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"=\s*[""']?(https?|ftp|wss?)://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOutsideText();
}

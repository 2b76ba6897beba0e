using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using static GoldenPath.UnitTests.Slo.SloSamples;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class WatchHistoryTests
{
    private static readonly JsonSerializerOptions Line = new(SloReport.Json) { WriteIndented = false };

    private static readonly WatchTick[] WithAnOutage =
    [
        Tick(1, WatchTick.Healthy), Tick(2, WatchTick.Healthy), Tick(3, WatchTick.Healthy),
        Tick(4, WatchTick.Failing, "preflight: backend /health answered 503"), Tick(5, WatchTick.Failing, "preflight: backend /health answered 503"),
        Tick(6, WatchTick.Failing, "preflight: backend /health answered 503"),
        Tick(7, WatchTick.Healthy), Tick(8, WatchTick.Healthy), Tick(9, WatchTick.Healthy), Tick(10, WatchTick.Healthy),
    ];

    [Fact]
    public void Availability_is_the_share_of_healthy_ticks_and_the_changes_say_why_and_for_how_long()
    {
        var history = new WatchHistory(WithAnOutage);

        history.Availability.Should().BeApproximately(0.7, 1e-9);
        history.Changes.Should().HaveCount(2);
        history.Changes[0].Should().Be(new StateChange(WithAnOutage[3], WatchTick.Healthy, WatchTick.Failing, "preflight: backend /health answered 503", null));
        history.Changes[1].Should().Be(new StateChange(WithAnOutage[6], WatchTick.Failing, WatchTick.Healthy, null, TimeSpan.FromMinutes(3)));
        history.FailingSince.Should().BeNull();
    }

    [Fact]
    public void A_watch_that_starts_failing_and_still_is_says_since_when()
    {
        var history = new WatchHistory([Tick(1, WatchTick.Failing, "down"), Tick(2, WatchTick.Failing, "down")]);

        history.Changes.Should().ContainSingle().Which.Should().Be(new StateChange(history[0], null, WatchTick.Failing, "down", null));
        history.FailingSince.Should().Be(history[0]);
        history.Availability.Should().Be(0);
    }

    [Fact]
    public void The_history_page_shows_availability_the_bands_and_the_state_changes()
    {
        var html = SloHtmlReport.RenderHistory(WithAnOutage, "staging <eu>");

        html.Should().MatchRegex("data-testid=\"history-availability\"><dt>availability</dt><dd>70 %<small>7 of 10 ticks healthy</small>").And.Contain("Watch history: staging &lt;eu&gt;").And.NotContain("<eu>");
        Regex.Count(html, "data-testid=\"history-tick\"").Should().Be(10);
        Regex.Count(html, "data-testid=\"history-tick\"[^>]*data-state=\"failing\"").Should().Be(3);
        Regex.Matches(html, "data-testid=\"state-change\" data-from=\"(\\w+)\" data-to=\"(\\w+)\"").Select(m => $"{m.Groups[1].Value}→{m.Groups[2].Value}")
            .Should().Equal("healthy→failing", "failing→healthy");
        html.Should().Contain("recovered after 3 min 0 s down").And.Contain("preflight: backend /health answered 503")
            .And.Contain("data-testid=\"history-state\" data-state=\"healthy\"");
    }

    [Fact]
    public void An_empty_history_renders()
    {
        SloHtmlReport.RenderHistory([], "local").Should().Contain("No tick recorded yet.");
    }

    [Fact]
    public void ReadHistory_skips_and_counts_a_truncated_last_line_and_a_garbled_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"goldenpath-watch-{Guid.NewGuid():N}.jsonl");
        var lines = WithAnOutage.Take(4).Select(t => JsonSerializer.Serialize(t, Line)).ToArray();
        var cut = JsonSerializer.Serialize(WithAnOutage[4], Line);
        File.WriteAllText(path, $"{lines[0]}\n{lines[1]}\nnot json at all\n\n{lines[2]}\n{lines[3]}\n{cut[..(cut.Length / 2)]}");
        try
        {
            var history = SloHtmlReport.ReadHistory(path);

            history.Select(t => t.Tick).Should().Equal(1, 2, 3, 4);
            history.SkippedLines.Should().Be(2);
            history[3].Should().Be(WithAnOutage[3], "a tick reads back as it was written (camelCase)");
            lines[3].Should().Contain("\"preflightPassed\":false", "the history is written camelCase");
            SloHtmlReport.RenderHistory(history, "local").Should().Contain("data-testid=\"history-skipped\"");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

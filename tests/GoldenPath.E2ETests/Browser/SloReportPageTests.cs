using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GoldenPath.E2ETests.Browser;

/// <summary>
/// The SLO report and watch history pages as a person sees them: rendered from a made-up run, opened from the results
/// folder in the real browser. It talks to no platform (Conformance: it runs wherever the browser does). Its
/// screenshots (results/slo-report/) are artifacts of every run, passed or failed.
/// </summary>
[E2E]
[Browser]
[Conformance]
public sealed class SloReportPageTests(BrowserFixture browsers)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static string Folder => Path.Combine(ArtifactFolder.Results, "slo-report");

    [Fact]
    public Task The_report_shows_the_verdict_the_failing_threshold_a_histogram_per_step_every_journey_and_the_failures() =>
        BrowserSpec.RunAsync(browsers, EnvironmentLoader.Load().Browser, async spec =>
        {
            var report = SloReport.From("local", "processes: auth http://127.0.0.1:5001, backend ws://127.0.0.1:5002/ws", Start, new SloPlan(12, 3),
                TimeSpan.FromSeconds(4.2), TimeSpan.FromMilliseconds(1450), Journeys(),
                [
                    Threshold.Parse(Threshold.SuccessRateKey, ">= 0.99", "environments/local.json slo"),
                    Threshold.Parse("handshakeMs", "p95 < 5000", "default: the connect budget (PROTOCOL.md §5)"),
                    Threshold.Parse("completionMs", "p95 < 30000", "default: the completion budget (PROTOCOL.md §5)"),
                ]);
            var page = await OpenAsync(spec, "slo.html", SloHtmlReport.Render(report), "slo.png");

            await Expect(page.GetByTestId("slo-verdict")).ToHaveTextAsync("✗ FAILED");
            var rate = page.Locator("[data-testid=threshold-row][data-key=successRate]");
            await Expect(rate).ToHaveAttributeAsync("data-passed", "false");
            await Expect(rate.GetByTestId("threshold-measured")).ToHaveTextAsync("0.75 (75 %)");
            await Expect(rate).ToContainTextAsync("✗ FAILED");
            await Expect(page.Locator("[data-testid=threshold-row][data-passed=true]")).ToHaveCountAsync(2);

            var measured = SloSteps.All.Where(s => report.Steps[s] is not null).ToArray();
            await Expect(page.GetByTestId("step-section")).ToHaveCountAsync(measured.Length);
            foreach (var step in measured)
            {
                var section = page.Locator($"[data-testid=step-section][data-step={step}]");
                await Expect(section.Locator("[data-testid=step-histogram] rect").First).ToBeVisibleAsync();
                await Expect(section.GetByTestId("percentile-table")).ToContainTextAsync($"count{report.Steps[step]!.Count}");
            }

            var chart = page.GetByTestId("journeys-chart");
            await Expect(chart.GetByTestId("journey-mark")).ToHaveCountAsync(report.Journeys);
            await Expect(chart.Locator("[data-testid=journey-mark][data-success=false]")).ToHaveCountAsync(3);
            await Expect(chart.Locator("[data-testid=journey-mark][data-class=budget-completion]")).ToHaveCountAsync(2);
            await MarksLieInsideAsync(chart);

            var failure = page.Locator("[data-testid=failure-class][data-class=budget-completion]");
            await Expect(failure.GetByTestId("failure-count")).ToHaveTextAsync("2");
            await Expect(failure.GetByTestId("failure-transcript")).ToContainTextAsync("<- agent_started");
            await Expect(page.GetByTestId("failure-class")).ToHaveCountAsync(2);
        });

    [Fact]
    public Task The_history_shows_availability_the_failing_stretch_and_its_state_changes() =>
        BrowserSpec.RunAsync(browsers, EnvironmentLoader.Load().Browser, async spec =>
        {
            var ticks = Enumerable.Range(1, 12).Select(n => Tick(n, n is >= 5 and <= 7)).ToArray();
            var page = await OpenAsync(spec, "slo-history.html", SloHtmlReport.RenderHistory(ticks, "staging"), "slo-history.png");

            var availability = page.GetByTestId("history-availability");
            await Expect(availability).ToContainTextAsync("75 %");
            await Expect(availability).ToContainTextAsync("9 of 12 ticks healthy");
            await Expect(page.Locator("[data-testid=history-tick][data-state=failing]")).ToHaveCountAsync(3);
            var changes = page.GetByTestId("state-change");
            await Expect(changes).ToHaveCountAsync(2);
            await Expect(changes.Nth(0)).ToHaveAttributeAsync("data-to", WatchTick.Failing);
            await Expect(changes.Nth(0)).ToContainTextAsync("preflight: backend /health answered 503");
            await Expect(changes.Nth(1)).ToHaveAttributeAsync("data-to", WatchTick.Healthy);
            await Expect(changes.Nth(1)).ToContainTextAsync("recovered after 3 min 0 s down");
            await Expect(page.GetByTestId("history-state")).ToHaveTextAsync("✓ HEALTHY");
        });

    /// <summary>Writes the page into the results folder, opens it from there and takes its screenshot before any check can fail.</summary>
    private static async Task<IPage> OpenAsync(BrowserSpec spec, string file, string html, string screenshot)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, file);
        await File.WriteAllTextAsync(path, html);
        var page = await spec.OpenPageAsync("slo-report");
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, screenshot), FullPage = true });
        return page;
    }

    /// <summary>The chart draws every mark inside itself: none lost off the axes.</summary>
    private static async Task MarksLieInsideAsync(ILocator chart)
    {
        var area = await chart.BoundingBoxAsync() ?? throw new InvalidOperationException("the journeys chart is not rendered");
        foreach (var mark in await chart.GetByTestId("journey-mark").AllAsync())
        {
            var box = await mark.BoundingBoxAsync();
            box.Should().NotBeNull();
            (box!.X >= area.X && box.Y >= area.Y && box.X + box.Width <= area.X + area.Width && box.Y + box.Height <= area.Y + area.Height)
                .Should().BeTrue($"journey mark {await mark.GetAttributeAsync("data-index")} at ({box.X}, {box.Y}) lies inside the chart ({area.X}, {area.Y}, {area.Width}×{area.Height})");
        }
    }

    /// <summary>Twelve journeys, three at a time: nine pass, two miss the completion budget's rule, one cannot connect.</summary>
    private static JourneyOutcome[] Journeys() =>
        Enumerable.Range(0, 12).Select(i => i switch
        {
            4 or 9 => Failed(i, "budget-completion", "rule budget-completion: no terminal event within 30 s", new JourneyTimings { LoginMs = 31, HandshakeMs = 22, AckMs = 4, FirstEventMs = 12 }),
            7 => Failed(i, "step 2 'connect' failed", "step 2 'connect' failed: connection refused (127.0.0.1:5002)", new JourneyTimings { LoginMs = 28 }),
            _ => new JourneyOutcome(i, (i / 3) * 1050.0, 420 + (i * 37), true, null, null,
                new JourneyTimings { LoginMs = 25 + (i % 4 * 6), HandshakeMs = 14 + (i % 5 * 3), AckMs = 3 + (i % 3), FirstEventMs = 9 + (i % 4 * 2), CompletionMs = 310 + (i * 37), GapMs = 95 + (i % 3 * 20) }),
        }).ToArray();

    private static JourneyOutcome Failed(int index, string failureClass, string diagnosis, JourneyTimings timings) =>
        new(index, (index / 3) * 1050.0, failureClass.StartsWith("budget", StringComparison.Ordinal) ? 1450 : 60, false, failureClass, diagnosis, timings)
        {
            Transcript = $"{diagnosis}\n-> user_message what is 17 * 23?\n<- message_ack\n<- agent_started\n<- agent_thinking <script>alert(1)</script>\n(no further event)",
        };

    private static WatchTick Tick(int number, bool failing) => new()
    {
        Time = Start.AddMinutes(number - 1),
        Tick = number,
        State = failing ? WatchTick.Failing : WatchTick.Healthy,
        PreflightPassed = !failing,
        Journeys = 5,
        Succeeded = failing ? 0 : 5,
        CompletionP95Ms = failing ? null : 300 + (number * 11),
        Diagnosis = failing ? "preflight: backend /health answered 503" : null,
        DurationMs = 1200,
    };
}

using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;
using GoldenPath.Fixtures.Rules;
using static Microsoft.Playwright.Assertions;

namespace GoldenPath.E2ETests.Browser;

[E2E]
[Browser]
[GoldenPath]
[Conformance]
[Requirement("run.golden-path", "run.stored", "agent.calculator")]
public sealed class BrowserGoldenPathTests(PlatformFixture platform, BrowserFixture browsers)
{
    [Fact]
    public Task A_person_logs_in_asks_sees_the_five_events_and_the_answer_and_finds_the_history_after_a_reload() =>
        BrowserSpec.RunAsync(browsers, platform, async spec =>
        {
            platform.Users.RequirePassword("logs in through the page's form with the user's password");
            platform.Users.RequireFresh("expects the one thread of this run in the page's thread list");
            var environment = platform.Environment;
            var user = await platform.NewUserAsync("browser");
            var page = await spec.OpenAsync("browser");

            var run = await new BrowserJourney(page).LogInAndAskAsync(platform.Stack.Endpoints, user, GoldenPathJourney.Question);

            run.Recorder.Should().HaveGoldenPathRun(run.Expectations(environment));
            // The page shows the answer once agent_completed arrived, so by now every event of the run is in the timeline.
            (await page.TimelineEventTypesAsync()).Should().Equal(run.Run.Events.Select(e => e.Type),
                "the timeline shows the run's events in the order they arrived{0}{1}", Environment.NewLine, run.Recorder.Transcript());
            await Expect(page.Answer).ToHaveTextAsync(run.Run.FinalResponse ?? string.Empty, new() { Timeout = page.Timeout });
            if (ReferenceAgent.Checks(environment, $"answer: the page's final_response holds {GoldenPathJourney.ExpectedAnswer} (PROTOCOL.md §4)"))
            {
                GoldenPathJourney.ExpectAnswer(run.Run, GoldenPathJourney.ExpectedAnswer, run.Recorder);
            }

            await page.ReloadAsync();
            await page.WaitUntilConnectedAsync();
            await Expect(page.ThreadItems).ToHaveCountAsync(1, new() { Timeout = page.Timeout });
            await Expect(page.ThreadItems).ToHaveAttributeAsync("data-thread-id", run.ThreadId, new() { Timeout = page.Timeout });
            await Expect(page.Messages).ToHaveTextAsync([GoldenPathJourney.Question, run.Run.FinalResponse ?? string.Empty], new() { Timeout = page.Timeout });

            RunReport.Append($"browser: golden path spec in {spec.ElapsedAfterBrowserStart.TotalSeconds:0.00} s (browser start {browsers.StartupTime.TotalSeconds:0.00} s)");
        });
}

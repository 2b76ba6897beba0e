using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;
using static Microsoft.Playwright.Assertions;

namespace GoldenPath.E2ETests.Browser;

[Collection(BrowserCollection.Name)]
[E2E]
[Browser]
[GoldenPath]
[Isolation]
[Conformance]
[Requirement("iso.recipients", "iso.nothing-crosses")]
public sealed class BrowserIsolationTests(PlatformFixture platform, BrowserFixture browsers)
{
    [Fact]
    public Task Two_people_in_two_browser_contexts_each_see_only_their_own_messages() =>
        BrowserSpec.RunAsync(browsers, platform, async spec =>
        {
            platform.Users.RequirePassword("logs two people in through the page's form with their passwords");
            platform.Users.RequireFresh("expects each person's one thread alone in their page's thread list");
            var (alice, bob) = (ParticipantAsync(spec, "alice"), ParticipantAsync(spec, "bob"));
            await Task.WhenAll(alice, bob);

            // Both at once, so a run's events could go astray while the other's are in flight.
            var runs = await Task.WhenAll(AskAsync(alice.Result), AskAsync(bob.Result));
            var participants = new[] { alice.Result with { Run = runs[0] }, bob.Result with { Run = runs[1] } };

            foreach (var (me, other) in new[] { (participants[0], participants[1]), (participants[1], participants[0]) })
            {
                me.Run!.Recorder.Should().HaveGoldenPathRun(me.Run.Expectations(platform.Environment));
                await Expect(me.Page.ThreadItems).ToHaveCountAsync(1, new() { Timeout = me.Page.Timeout });
                await Expect(me.Page.ThreadItems).ToHaveAttributeAsync("data-thread-id", me.Run.ThreadId, new() { Timeout = me.Page.Timeout });
                await Expect(me.Page.Messages.First).ToHaveTextAsync(me.Question, new() { Timeout = me.Page.Timeout });

                // Text (a marker, an email) is looked for as text; ids only where the page contract puts them.
                var html = await me.Page.Page.ContentAsync();
                foreach (var theirs in new[] { other.Marker, other.User.Email })
                {
                    html.Should().NotContainEquivalentOf(theirs, "{0}'s page must show nothing of {1}'s", me.Page.Label, other.Page.Label);
                }

                foreach (var theirs in new[] { other.Run!.RunId, other.Run.ThreadId })
                {
                    (await me.Page.ShowsIdAsync(theirs)).Should().BeFalse("{0}'s page must show nothing of {1}'s, such as the id '{2}'", me.Page.Label, other.Page.Label, theirs);
                }
            }

            var leaks = IsolationChecker.FindWebSocketLeaks(participants.Select(p =>
                new IsolationParticipant(p.User, p.Page.Sockets.Recorders, p.Marker, [p.Run!.RunId], [p.Run.ThreadId])).ToArray());
            if (leaks.Count > 0)
            {
                throw new GoldenPathException(IsolationChecker.Describe(leaks));
            }
        });

    private async Task<Participant> ParticipantAsync(BrowserSpec spec, string label)
    {
        var user = await platform.NewUserAsync(label);
        var marker = Markers.New(user.UserId);
        return new Participant(user, await spec.OpenAsync(label), marker, $"please remember {marker}");
    }

    private Task<BrowserRun> AskAsync(Participant participant) =>
        new BrowserJourney(participant.Page).LogInAndAskAsync(platform.Stack.Endpoints, participant.User, participant.Question);

    private sealed record Participant(TestUser User, ChatPage Page, string Marker, string Question, BrowserRun? Run = null);
}

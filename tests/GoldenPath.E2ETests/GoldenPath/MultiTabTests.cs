using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.E2ETests.GoldenPath;

[Trait("Category", "E2E")]
[Trait("Category", "GoldenPath")]
[Trait("Category", "Conformance")]
public sealed class MultiTabTests(PlatformFixture platform)
{
    [Fact]
    public async Task Both_tabs_of_one_user_receive_the_whole_run_and_only_the_sender_gets_the_ack()
    {
        var user = await platform.NewUserAsync("tabs");
        await using var sender = await platform.ConnectAsync(user, "tab-1");
        await using var watcher = await platform.ConnectAsync(user, "tab-2");

        var sent = await AgentRun.SendAsync(sender, GoldenPathJourney.Question, platform.Environment.Budgets);
        var watched = await AgentRun.ObserveAsync(watcher, sent.RunId, platform.Environment.Budgets);

        sender.Recorder.Should().HaveGoldenPathRun(sent.Expectations(sender, platform.Environment));
        watcher.Recorder.Should().HaveGoldenPathRun(watched.Expectations(watcher, platform.Environment) with { SentAt = sent.SentAt });
        watched.Events.Select(e => e.Event!.String("event_id")).Should().Equal(sent.Events.Select(e => e.Event!.String("event_id")),
            "both tabs receive the same events{0}{1}", Environment.NewLine, watcher.Recorder.Transcript());
        watcher.Recorder.Frames.Should().NotContain(f => f.Type == "message_ack", "the ack goes to the sending connection only{0}{1}", Environment.NewLine, watcher.Recorder.Transcript());
    }
}

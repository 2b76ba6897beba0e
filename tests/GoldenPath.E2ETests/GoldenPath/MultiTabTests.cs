using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

[E2E]
[GoldenPath]
[Conformance]
[Requirement("iso.recipients", "ws.ack", "run.golden-path", "run.correlation")]
public sealed class MultiTabTests(PlatformFixture platform)
{
    [Fact]
    public async Task Both_tabs_of_one_user_receive_the_whole_run_and_only_the_sender_gets_the_ack()
    {
        var budgets = platform.Environment.Budgets;
        var user = await platform.NewUserAsync("tabs");
        await using var sender = await platform.ConnectAsync(user, "tab-1");
        await using var watcher = await platform.ConnectAsync(user, "tab-2");

        var sent = await AgentRun.SendAsync(sender, GoldenPathJourney.Question, budgets);

        // The sender already holds the terminal event: the other tab must have the run's first event within the
        // first-event budget of the user_message too, so an undelivered run fails now, not after the completion budget.
        var firstOnWatcher = await watcher.Recorder.TryWaitForAsync(f => f.RunId == sent.RunId && f.IsRunEvent, sent.SentAt!.Value + budgets.FirstEvent - MonotonicClock.Now);
        if (firstOnWatcher is null)
        {
            throw new GoldenPathException($"{JourneyRules.MultiTab}: [tab-2] received none of run {sent.RunId} while [tab-1], the sending tab of the same user, already holds its " +
                                          $"terminal event ({sent.Terminal.Type}) and the first-event budget has passed: a run's events go to every open connection of its user" +
                                          $"{Environment.NewLine}{watcher.Recorder.Transcript()}{Environment.NewLine}{sender.Recorder.Transcript()}");
        }

        AgentRun watched;
        try
        {
            watched = await AgentRun.ObserveAsync(watcher, sent.RunId, budgets, sentAt: sent.SentAt);
        }
        catch (GoldenPathException stalled)
        {
            throw new GoldenPathException($"{JourneyRules.MultiTab}: [tab-2] did not receive the whole of run {sent.RunId}, which [tab-1], the sending tab, holds " +
                                          $"to its terminal event ({Sequence(sent)}):{Environment.NewLine}{stalled.Message}", stalled);
        }

        if (watcher.Recorder.Frames.FirstOrDefault(f => f.Type == "message_ack") is { } ack)
        {
            throw new GoldenPathException($"{JourneyRules.MultiTab}: [tab-2] received a message_ack (frame #{ack.Index}) for a message [tab-1] sent: the ack goes to the sending connection only" +
                                          $"{Environment.NewLine}{watcher.Recorder.Transcript()}");
        }

        // The same run on both tabs: the same events by kind and number (event ids are the platform's to choose per delivery).
        if (!Tally(watched).SequenceEqual(Tally(sent)))
        {
            throw new GoldenPathException($"{JourneyRules.MultiTab}: the tabs of one user received different parts of run {sent.RunId}: [tab-1] {string.Join(", ", Tally(sent))}; " +
                                          $"[tab-2] {string.Join(", ", Tally(watched))}{Environment.NewLine}{sender.Recorder.Transcript()}{Environment.NewLine}{watcher.Recorder.Transcript()}");
        }

        sender.Recorder.Should().HaveGoldenPathRun(sent.Expectations(sender, platform.Environment));
        watcher.Recorder.Should().HaveGoldenPathRun(watched.Expectations(watcher, platform.Environment) with { ThreadId = sent.ThreadId });
        watched.FinalResponse.Should().Be(sent.FinalResponse, watcher.Recorder.Transcript());
    }

    private static string Sequence(AgentRun run) => string.Join(" → ", run.EventTypes);

    private static IEnumerable<string> Tally(AgentRun run) =>
        run.Events.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}");
}

using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Dialects;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

/// <summary>
/// PROTOCOL.md §4: a message that is neither a calculation nor about the time is answered by history_search, whose results quote
/// every earlier message of the user, in all their threads, and not the message being answered. Each message carries a
/// letters-only marker, so each quote is found whatever the wording around it.
/// </summary>
[E2E]
[Conformance]
[Requirement("agent.history-search", "run.golden-path")]
public sealed class HistorySearchTests(PlatformFixture platform)
{
    private const string Rule = "agent.history-search";

    [Fact]
    public async Task A_question_about_earlier_messages_quotes_those_of_every_thread_and_not_itself()
    {
        ReferenceAgent.Require(platform.Environment);
        var user = await platform.NewUserAsync("history-search");
        var (inA, inB, asking) = (Markers.New(user.UserId), Markers.New(user.UserId), Markers.New(user.UserId));
        await using var socket = await platform.ConnectAsync(user, "history-search");
        var budgets = platform.Environment.Budgets;

        var first = await AgentRun.SendAsync(socket, $"please remember {inA}", budgets);
        var second = await AgentRun.SendAsync(socket, $"please remember {inB}", budgets);
        var question = $"tell me what i said before {asking}";
        var third = await AgentRun.SendAsync(socket, question, budgets, second.ThreadId);
        foreach (var run in new[] { first, second, third })
        {
            socket.Recorder.Should().HaveGoldenPathRun(run.Expectations(socket, platform.Environment));
        }

        var transcript = socket.Recorder.Transcript();
        if (first.ThreadId == second.ThreadId)
        {
            throw new GoldenPathException($"ws.thread: the second message was sent with thread_id null, yet its run {second.RunId} is in thread '{second.ThreadId}' like the first's: " +
                                          $"two threads are needed to see history_search quote all of them{Environment.NewLine}{transcript}");
        }

        var searches = third.Events.Where(e => e.Type == "tool_completed" && e.Event!.String("tool_name") == "history_search").ToArray();
        if (searches.Length == 0)
        {
            throw new GoldenPathException($"{Rule}: run {third.RunId} ('{question}') has no tool_completed of history_search (its tool calls: " +
                                          $"{string.Join(", ", third.Events.Where(e => e.Type == "tool_completed").Select(e => $"frame #{e.Index} {e.Event!.String("tool_name") ?? "no tool_name"}").DefaultIfEmpty("none"))}); " +
                                          $"PROTOCOL.md §4 answers a message that is neither a calculation nor about the time with it{Environment.NewLine}{transcript}");
        }

        var path = WirePath.Display(platform.Environment.Dialect.Events["tool_completed"].PathOf("results") ?? "results");
        var results = searches.Select(e => (Frame: e, Text: e.Event!.HasValue("results") ? e.Event.Fields["results"].GetRawText() : null)).ToArray();
        if (results.FirstOrDefault(r => r.Text is null) is { Frame: { } empty })
        {
            throw new GoldenPathException($"{Rule}: frame #{empty.Index} (tool_completed, history_search) has no results at {path}{Environment.NewLine}{transcript}");
        }

        foreach (var (marker, said) in new[] { (inA, $"of thread '{first.ThreadId}' (another thread)"), (inB, $"of thread '{second.ThreadId}' (the same thread)") })
        {
            if (!results.Any(r => Holds(r.Text, marker)))
            {
                throw new GoldenPathException($"{Rule}: the results at {path} of {Frames(searches)} (tool_completed, history_search) do not quote the earlier message 'please remember {marker}' {said}: " +
                                             $"PROTOCOL.md §4 quotes every earlier message of the user, in all their threads{Environment.NewLine}{transcript}");
            }
        }

        if (results.FirstOrDefault(r => Holds(r.Text, asking)) is { Frame: { } quoting })
        {
            throw new GoldenPathException($"{Rule}: the results at {path} of frame #{quoting.Index} (tool_completed, history_search) quote the message being answered ('{question}'): " +
                                          $"PROTOCOL.md §4 quotes the earlier messages, not this one{Environment.NewLine}{transcript}");
        }

        if (Holds(third.FinalResponse, asking))
        {
            throw new GoldenPathException($"{Rule}: the final_response of frame #{third.Terminal.Index} ({third.Terminal.Type}) quotes the message being answered ('{question}'): " +
                                          $"history_search quotes the earlier messages, not this one{Environment.NewLine}{transcript}");
        }
    }

    private static bool Holds(string? text, string marker) => text?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true;

    private static string Frames(IEnumerable<RecordedFrame> frames) => string.Join(", ", frames.Select(f => $"frame #{f.Index}"));
}

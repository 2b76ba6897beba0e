using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

[Integration]
[Conformance]
public sealed class ThreadOwnershipTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("ws.thread", "iso.nothing-crosses")]
    public async Task Posting_into_another_users_thread_is_THREAD_NOT_FOUND_and_starts_no_run()
    {
        var owner = await platform.NewUserAsync("thread-owner");
        var intruder = await platform.NewUserAsync("thread-intruder");
        await using var ownerSocket = await platform.ConnectAsync(owner, "owner");
        var run = await AgentRun.SendAsync(ownerSocket, "what is 1 + 1?", platform.Environment.Budgets);
        await using var intruderSocket = await platform.ConnectAsync(intruder, "intruder");

        var messageId = await intruderSocket.SendUserMessageAsync("let me in", run.ThreadId);

        // The error, or an ack or a run event (a dialect without ack) that accepts the message into another's thread: whichever comes first decides.
        var answer = await intruderSocket.Recorder.WaitForAsync(f => f.Type == "error" || (f.Type == "message_ack" && f.String("message_id") == messageId) || f.IsRunEvent,
            platform.Environment.Budgets.Reply, "a THREAD_NOT_FOUND error (ws.thread)");
        answer.Type.Should().Be("error", $"ws.thread: a message into another user's thread is refused, not acknowledged nor run{Environment.NewLine}{intruderSocket.Recorder.Transcript()}");
        answer.String("error_code").Should().Be("THREAD_NOT_FOUND", $"ws.thread: another user's thread is THREAD_NOT_FOUND{Environment.NewLine}{intruderSocket.Recorder.Transcript()}");

        // It starts no run: no run event reaches the intruder within the first-event budget, when its agent_started would be due.
        var started = await intruderSocket.Recorder.TryWaitForAsync(f => f.Index > answer.Index && f.IsRunEvent, platform.Environment.Budgets.FirstEvent);
        started.Should().BeNull($"ws.thread: a message refused with THREAD_NOT_FOUND starts no run{Environment.NewLine}{intruderSocket.Recorder.Transcript()}");

        // The owner's thread, read as its owner (200, the question and the answer), holds nothing the intruder sent.
        var messages = await platform.Backend.MessagesAsync(owner.AccessToken, run.ThreadId);
        messages.Status.Should().Be(System.Net.HttpStatusCode.OK, $"http.messages: the owner reads their thread: {messages.Describe()}");
        var items = platform.Environment.Dialect.History.MessageItems(messages.Json)
            ?? throw new Fixtures.Diagnostics.GoldenPathException($"http.messages: GET /api/threads/{run.ThreadId}/messages should answer {Fixtures.Dialects.HistoryShapes.Describe(platform.Environment.Dialect.History.Messages.List)}: {messages.Describe()}");
        items.Should().NotBeEmpty($"http.messages: the owner's thread holds the owner's exchange: {messages.Describe()}");
        items.Select(platform.Environment.Dialect.History.ContentOf).Should().NotContain("let me in", $"iso.nothing-crosses: nothing the intruder sent reaches the owner's thread: {messages.Describe()}");
    }

    [Fact]
    [Requirement("ws.thread")]
    public async Task A_second_message_in_the_same_thread_continues_it()
    {
        var user = await platform.NewUserAsync("thread-continue");
        await using var socket = await platform.ConnectAsync(user, "continue");

        var first = await AgentRun.SendAsync(socket, "what is 3 * 3?", platform.Environment.Budgets);
        var second = await AgentRun.SendAsync(socket, "what is 4 * 4?", platform.Environment.Budgets, first.ThreadId);

        second.ThreadId.Should().Be(first.ThreadId, "ws.thread: a message naming the caller's thread continues it (the ack and events carry that thread_id)");
        second.RunId.Should().NotBe(first.RunId, "ws.thread: the second message is a run of its own");
        if (ReferenceAgent.Checks(platform.Environment, "answer: the second run's final_response holds 16 (PROTOCOL.md §4)"))
        {
            GoldenPathJourney.ExpectAnswer(second, "16", socket.Recorder);
        }
    }
}

using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
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

        // The error, or an ack that accepts the message into another's thread: whichever comes first decides.
        var answer = await intruderSocket.Recorder.WaitForAsync(f => f.Type == "error" || (f.Type == "message_ack" && f.String("message_id") == messageId),
            platform.Environment.Budgets.Reply, "a THREAD_NOT_FOUND error");
        answer.Type.Should().Be("error", $"a message into another user's thread is refused, not acknowledged{Environment.NewLine}{intruderSocket.Recorder.Transcript()}");
        answer.String("error_code").Should().Be("THREAD_NOT_FOUND", intruderSocket.Recorder.Transcript());

        var messages = await platform.Backend.MessagesAsync(owner.AccessToken, run.ThreadId);
        messages.Body.Should().NotContain("let me in", "nothing the intruder sent reaches the owner's thread");
    }

    [Fact]
    [Requirement("ws.thread")]
    public async Task A_second_message_in_the_same_thread_continues_it()
    {
        var user = await platform.NewUserAsync("thread-continue");
        await using var socket = await platform.ConnectAsync(user, "continue");

        var first = await AgentRun.SendAsync(socket, "what is 3 * 3?", platform.Environment.Budgets);
        var second = await AgentRun.SendAsync(socket, "what is 4 * 4?", platform.Environment.Budgets, first.ThreadId);

        second.ThreadId.Should().Be(first.ThreadId);
        second.RunId.Should().NotBe(first.RunId);
        if (platform.Environment.Agent.Deterministic)
        {
            GoldenPathJourney.ExpectAnswer(second, "16", socket.Recorder);
        }
    }
}

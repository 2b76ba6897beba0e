using System.Net.WebSockets;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

[Integration]
[Conformance]
public sealed class BadFrameTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("this is not json", "a frame that is not JSON")]
    [InlineData("{\"type\":\"no_such_type\"}", "a frame of an unknown type")]
    [InlineData("{\"hello\":1}", "a frame without a type")]
    [Requirement("ws.invalid")]
    public async Task A_bad_frame_gets_INVALID_MESSAGE_and_the_same_connection_still_completes_a_run(string frame, string what)
    {
        var user = await platform.NewUserAsync("bad-frame");
        await using var socket = await platform.ConnectAsync(user, "bad-frame");

        await socket.SendTextAsync(frame);
        var error = await socket.Recorder.WaitForAsync(f => f.Type == "error", platform.Environment.Budgets.Reply, $"an error frame for {what} (ws.invalid)");
        error.String("error_code").Should().Be("INVALID_MESSAGE", $"ws.invalid: the error for {what}{Environment.NewLine}{socket.Recorder.Transcript()}");
        error.String("message").Should().NotBeNullOrEmpty($"ws.invalid: the error for {what} says why{Environment.NewLine}{socket.Recorder.Transcript()}");
        await socket.ExpectStillServingAsync("ws.invalid", $"after INVALID_MESSAGE for {what}", platform.Environment.Budgets.Reply);

        var run = await AgentRun.SendAsync(socket, "what is 17 * 23?", platform.Environment.Budgets);
        run.Terminal.Type.Should().Be("agent_completed", $"ws.invalid: the connection still serves runs{Environment.NewLine}{socket.Recorder.Transcript()}");
        // Open, proven by a round trip rather than by Closed not having completed at one instant.
        await socket.ExpectStillServingAsync("ws.invalid", $"after {what} and a completed run", platform.Environment.Budgets.Reply);
    }

    [Fact]
    [Requirement("ws.frame-size")]
    public async Task A_frame_over_64_KiB_closes_the_connection_with_1009()
    {
        var user = await platform.NewUserAsync("big-frame");
        await using var socket = await platform.ConnectAsync(user, "big-frame");

        var content = new string('x', 65 * 1024);
        await socket.SendTextAsync($"{{\"type\":\"user_message\",\"message_id\":\"{Guid.NewGuid()}\",\"payload\":{{\"content\":\"{content}\",\"thread_id\":null}}}}");
        var close = await socket.Recorder.WaitForCloseAsync(platform.Environment.Budgets.Reply);

        close.Status.Should().Be(WebSocketCloseStatus.MessageTooBig, $"ws.frame-size: a frame over 64 KiB closes 1009{Environment.NewLine}{socket.Recorder.Transcript()}");
    }
}

using System.Net.WebSockets;
using System.Text;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

/// <summary>
/// PROTOCOL.md §3.5 at its boundary: a user_message frame of exactly 64 KiB (65,536 bytes) is accepted and served; one byte more
/// closes the connection with 1009. The content is letters only, so any agent answers it (the reference agent searches the history).
/// </summary>
[Integration]
[Conformance]
[Requirement(Rule)]
public sealed class FrameSizeTests(PlatformFixture platform)
{
    private const string Rule = "ws.frame-size";
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task A_user_message_frame_of_exactly_64_KiB_is_accepted_and_its_run_completes()
    {
        var user = await platform.NewUserAsync("frame-64k");
        await using var socket = await platform.ConnectAsync(user, "frame-64k");

        AgentRun run;
        try
        {
            run = await AgentRun.SendAsync(socket, Content(socket, Limit), platform.Environment.Budgets);
        }
        catch (GoldenPathException refused) when (socket.Recorder.Closed.IsCompleted)
        {
            throw new GoldenPathException($"{Rule}: a user_message frame of {SentBytes(socket):N0} bytes (64 KiB) closed the connection {await socket.Recorder.Closed}: " +
                                          $"a frame up to 64 KiB is accepted and served{Environment.NewLine}{refused.Message}", refused);
        }

        SentBytes(socket).Should().Be(Limit, "the frame is exactly at the limit");
        if (run.Terminal.Type != "agent_completed")
        {
            throw new GoldenPathException($"{Rule}: the run of a 64 KiB user_message ended with frame #{run.Terminal.Index} ({run.Terminal.Type}), not agent_completed{Environment.NewLine}{socket.Recorder.Transcript()}");
        }
    }

    [Fact]
    public async Task A_user_message_frame_one_byte_over_64_KiB_closes_the_connection_with_1009()
    {
        var user = await platform.NewUserAsync("frame-over");
        await using var socket = await platform.ConnectAsync(user, "frame-over");

        await socket.SendUserMessageAsync(Content(socket, Limit + 1));

        SentBytes(socket).Should().Be(Limit + 1, "the frame is one byte over the limit");
        if (!await DeadlineWait.ForTaskAsync(socket.Recorder.Closed, platform.Environment.Budgets.Reply))
        {
            throw new GoldenPathException($"{Rule}: a frame of {Limit + 1:N0} bytes, one over 64 KiB, left the connection open for {platform.Environment.Budgets.Reply.TotalSeconds:0} s; it closes with 1009" +
                                          $"{Environment.NewLine}{socket.Recorder.Transcript()}");
        }

        var close = await socket.Recorder.Closed;
        if (close.Status != WebSocketCloseStatus.MessageTooBig)
        {
            throw new GoldenPathException($"{Rule}: a frame of {Limit + 1:N0} bytes, one over 64 KiB, closed the connection {close}, not with 1009" +
                                          $"{Environment.NewLine}{socket.Recorder.Transcript()}");
        }
    }

    // Letters only, so the frame is exactly `bytes` long and no agent reads arithmetic in it.
    private static string Content(PlatformSocket socket, int bytes) => new('x', bytes - socket.UserMessageOverhead());

    private static int SentBytes(PlatformSocket socket) => Encoding.UTF8.GetByteCount(socket.Recorder.Sent[^1].Raw);
}

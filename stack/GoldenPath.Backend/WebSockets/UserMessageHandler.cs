using System.Text.Json;
using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// Stores a user message, acknowledges it to the sending connection (where the dialect has a message_ack), then starts its
/// run (RunFaults may bend the ack).
/// </summary>
public sealed class UserMessageHandler(
    UserMessageIntake intake, AgentRunner runner, ConnectionRegistry connections, IdGenerator ids, RunFaults faults, IFrameFormat frames)
{
    public async Task HandleAsync(ClientConnection connection, string userId, JsonElement frame, CancellationToken cancellationToken)
    {
        var request = frames.ReadUserMessage(frame);
        if (request.Content is null)
        {
            connection.Send(frames.InvalidMessage("payload.content must be a non-empty string", request.MessageId));
            return;
        }

        if (!request.StartsNewThread && request.ThreadId is null)
        {
            connection.Send(frames.ThreadNotFound(request.MessageId));
            return;
        }

        // The thread-not-continued fault: the caller's own thread is not continued, a new one is started.
        var threadId = faults.StartsNewThreadAlways ? null : request.ThreadId;
        var turn = await intake.AcceptAsync(userId, threadId, request.Content, cancellationToken);
        if (turn is null)
        {
            connection.Send(frames.ThreadNotFound(request.MessageId));
            return;
        }

        var ackRunId = faults.AckCarriesWrongRunId ? await ids.NextAsync(IdKind.Run, cancellationToken) : turn.RunId;
        // A dialect without message_ack (netra-apex) sends none: the ack faults change nothing there.
        var ack = frames.Ack(request.MessageId ?? turn.MessageId, turn.ThreadId, ackRunId);
        var ackRecipients = ack is null || faults.AckNeverSent ? [] : faults.AcksToAllTabs ? connections.ForUser(userId) : [connection];
        void SendAck()
        {
            foreach (var recipient in ackRecipients)
            {
                recipient.Send(ack!);
            }
        }

        async Task SendAckLaterAsync(TimeSpan delay)
        {
            await Task.Delay(delay);
            SendAck();
        }

        if (faults.AckDelayAfterStarted is { } delay)
        {
            // The ack-late fault: the ack follows agent_started instead of preceding it.
            runner.Start(turn, connection.Id, afterStarted: () => _ = SendAckLaterAsync(delay));
            return;
        }

        // Queued before the run starts, so the ack precedes every event of the run on this connection.
        SendAck();
        runner.Start(turn, connection.Id);
    }
}

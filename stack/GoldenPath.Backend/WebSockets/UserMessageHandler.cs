using System.Text.Json;
using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Faults;
using GoldenPath.Platform.Common.Ids;
using GoldenPath.Backend.Storage;

namespace GoldenPath.Backend.WebSockets;

/// <summary>Stores a user message, acknowledges it to the sending connection, then starts its run.</summary>
public sealed class UserMessageHandler(UserMessageIntake intake, AgentRunner runner, ConnectionRegistry connections, IdGenerator ids, RunFaults faults)
{
    public async Task HandleAsync(ClientConnection connection, string userId, JsonElement frame, CancellationToken cancellationToken)
    {
        var request = UserMessageRequest.Read(frame);
        if (request.Content is null)
        {
            connection.Send(ErrorFrame.InvalidMessage("payload.content must be a non-empty string", request.MessageId));
            return;
        }

        if (!request.StartsNewThread && request.ThreadId is null)
        {
            connection.Send(ErrorFrame.ThreadNotFound(request.MessageId));
            return;
        }

        var turn = await intake.AcceptAsync(userId, request.ThreadId, request.Content, cancellationToken);
        if (turn is null)
        {
            connection.Send(ErrorFrame.ThreadNotFound(request.MessageId));
            return;
        }

        var ackRunId = faults.AckCarriesWrongRunId ? await ids.NextAsync(IdKind.Run, cancellationToken) : turn.RunId;
        var ack = new MessageAckFrame(request.MessageId ?? turn.MessageId, turn.ThreadId, ackRunId);
        var ackRecipients = faults.AcksToAllTabs ? connections.ForUser(userId) : [connection];
        void SendAck()
        {
            foreach (var recipient in ackRecipients)
            {
                recipient.Send(ack);
            }
        }

        if (faults.AckDelayAfterStarted is { } delay)
        {
            runner.Start(turn, connection.Id, afterStarted: () => _ = Task.Delay(delay).ContinueWith(_ => SendAck(), TaskScheduler.Default));
            return;
        }

        // Queued before the run starts, so the ack precedes every event of the run on this connection.
        SendAck();
        runner.Start(turn, connection.Id);
    }
}

using System.Text.Json;
using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Storage;

namespace GoldenPath.Backend.WebSockets;

/// <summary>Stores a user message, acknowledges it to the sending connection, then starts its run.</summary>
public sealed class UserMessageHandler(UserMessageIntake intake, AgentRunner runner)
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

        // Queued before the run starts, so the ack precedes every event of the run on this connection.
        connection.Send(new MessageAckFrame(request.MessageId ?? turn.MessageId, turn.ThreadId, turn.RunId));
        runner.Start(turn);
    }
}

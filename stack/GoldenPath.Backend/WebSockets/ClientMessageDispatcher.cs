using System.Text.Json;

namespace GoldenPath.Backend.WebSockets;

/// <summary>Routes a client frame by its <c>type</c>; anything else is INVALID_MESSAGE and the connection stays open.</summary>
public sealed class ClientMessageDispatcher(UserMessageHandler userMessages, IFrameFormat frames, TimeProvider clock, Faults.RunFaults faults)
{
    public async Task DispatchAsync(ClientConnection connection, string userId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var document = TryParse(payload);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } frame)
        {
            Refuse(connection, frames.InvalidMessage("the frame is not a JSON object", null));
            return;
        }

        var type = frame.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        switch (type)
        {
            case "ping" when !faults.IgnoresPing:
                connection.Send(frames.Pong(userId, clock.GetUtcNow()));
                break;
            case "ping":
                break; // the ping-unanswered fault

            case "user_message":
                await userMessages.HandleAsync(connection, userId, frame, cancellationToken);
                break;
            default:
                Refuse(connection, frames.InvalidMessage(type is null ? "the frame has no type" : "unknown message type", null));
                break;
        }
    }

    /// <summary>INVALID_MESSAGE, and the connection stays open; under the invalid-closes fault it is then closed with 1003.</summary>
    private void Refuse(ClientConnection connection, object invalidMessage)
    {
        connection.Send(invalidMessage);
        if (faults.ClosesOnInvalid)
        {
            connection.Close(System.Net.WebSockets.WebSocketCloseStatus.InvalidMessageType, "invalid message");
        }
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

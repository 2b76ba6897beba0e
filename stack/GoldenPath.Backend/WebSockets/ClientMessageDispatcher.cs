using System.Text.Json;

namespace GoldenPath.Backend.WebSockets;

/// <summary>Routes a client frame by its <c>type</c>; anything else is INVALID_MESSAGE and the connection stays open.</summary>
public sealed class ClientMessageDispatcher(UserMessageHandler userMessages, IFrameFormat frames, TimeProvider clock)
{
    public async Task DispatchAsync(ClientConnection connection, string userId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var document = TryParse(payload);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } frame)
        {
            connection.Send(frames.InvalidMessage("the frame is not a JSON object", null));
            return;
        }

        var type = frame.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        switch (type)
        {
            case "ping":
                connection.Send(frames.Pong(userId, clock.GetUtcNow()));
                break;
            case "user_message":
                await userMessages.HandleAsync(connection, userId, frame, cancellationToken);
                break;
            default:
                connection.Send(frames.InvalidMessage(type is null ? "the frame has no type" : "unknown message type", null));
                break;
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

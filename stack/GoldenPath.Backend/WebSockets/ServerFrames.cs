using System.Text.Json.Serialization;

namespace GoldenPath.Backend.WebSockets;

/// <summary>The frames the server sends besides run events (PROTOCOL §3).</summary>
public sealed record ConnectionEstablishedFrame(string ConnectionId, string UserId, string ServerTime)
{
    [JsonPropertyOrder(-1)]
    public string Type => "connection_established";
}

public sealed record PongFrame
{
    public string Type => "pong";
}

public sealed record MessageAckFrame(string MessageId, string ThreadId, string RunId)
{
    [JsonPropertyOrder(-1)]
    public string Type => "message_ack";
}

public sealed record ErrorFrame(
    string ErrorCode,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageId = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";

    public static ErrorFrame AuthFailed(string reason) => new("AUTH_FAILED", $"authentication failed: {reason}");

    public static ErrorFrame InvalidMessage(string message, string? messageId = null) => new("INVALID_MESSAGE", message, messageId);

    public static ErrorFrame ThreadNotFound(string? messageId) => new("THREAD_NOT_FOUND", "thread not found", messageId);
}

using System.Text.Json.Serialization;
using GoldenPath.Platform.Common.Configuration;

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

    public static ErrorFrame AuthFailed(string reason) => new("AUTH_FAILED", Worded($"authentication failed: {reason}"));

    public static ErrorFrame InvalidMessage(string message, string? messageId = null) => new("INVALID_MESSAGE", Worded(message), messageId);

    public static ErrorFrame ThreadNotFound(string? messageId) => new("THREAD_NOT_FOUND", Worded("thread not found"), messageId);

    private static string Worded(string message) => PlatformVariant.Current.ErrorMessage(message);
}

/// <summary>
/// A frame type PROTOCOL does not name (§0: a client ignores it), sent by the relaxed variant after
/// connection_established and between the events of a run. Its fields are named like protocol fields on purpose.
/// </summary>
public sealed record HeartbeatFrame(
    string ServerTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConnectionId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RunId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThreadId = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "heartbeat";
}

/// <summary>Another unnamed frame type of the relaxed variant: it looks like a run event, but is none.</summary>
public sealed record AgentProgressFrame(string RunId, string ThreadId, string Timestamp, string Stage)
{
    [JsonPropertyOrder(-1)]
    public string Type => "agent_progress";
}

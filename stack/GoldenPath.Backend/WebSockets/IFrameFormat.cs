using System.Text.Json;
using GoldenPath.Backend.Events;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// The WebSocket framing of one dialect (GOLDENPATH_DIALECT, PROTOCOL §6): the frames the server sends and how it reads
/// a user_message. The transport (WebSocketSession, ClientConnection, the Redis fan-out) is the same under every dialect;
/// BackendServices picks the format once, at start. <see cref="ProtocolFrameFormat"/> is PROTOCOL §3,
/// <see cref="NetraFrameFormat"/> the netra-apex wire format.
/// </summary>
public interface IFrameFormat
{
    object AuthFailed(string reason);

    object InvalidMessage(string message, string? messageId);

    object ThreadNotFound(string? messageId);

    /// <summary>The first frame of an authenticated connection.</summary>
    object Welcome(string connectionId, string userId, DateTimeOffset now);

    object Pong(string userId, DateTimeOffset now);

    /// <summary>The message_ack of a run, or null where the dialect has none.</summary>
    object? Ack(string messageId, string threadId, string runId);

    /// <summary>Whether events carry an <c>event_id</c> (so the run stream needs to mint them).</summary>
    bool CarriesEventIds { get; }

    /// <param name="nestFields">The run-nested-fields fault: put the event's own fields elsewhere than the dialect says.</param>
    object RunEvent(RunEnvelope envelope, RunFact fact, bool nestFields);

    UserMessageRequest ReadUserMessage(JsonElement frame);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using GoldenPath.Backend.Events;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Json;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// The netra-apex dialect's WebSocket framing (shared/dialects/netra-apex.md): <c>error_message</c> frames with epoch-float
/// timestamps, a welcome whose fields are under <c>data</c> (user id truncated, no server_time), no message_ack, no
/// event_id or tool_call_id, and the five events in two layouts: <see cref="NetraBridgeEvent"/> (A) and
/// <see cref="NetraCriticalEvent"/> (B). A user_message needs no message_id and may say <c>payload.text</c>.
/// </summary>
public sealed class NetraFrameFormat(PlatformVariant variant, TimeProvider clock) : IFrameFormat
{
    /// <summary>The events netra's welcome announces, in the golden order.</summary>
    public static readonly IReadOnlyList<string> GoldenPathEvents = ["agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed"];

    private const int ShownUserIdLength = 8;

    public object AuthFailed(string reason) => Error("AUTH_FAILED", $"authentication failed: {reason}");

    public object InvalidMessage(string message, string? messageId) => Error("INVALID_MESSAGE", message);

    public object ThreadNotFound(string? messageId) => Error("THREAD_NOT_FOUND", "thread not found");

    public object Welcome(string connectionId, string userId, DateTimeOffset now) => new NetraConnectionEstablished(
        new NetraWelcomeData(
            Mode: "main",
            UserId: (userId.Length > ShownUserIdLength ? userId[..ShownUserIdLength] : userId) + "...",
            ConnectionId: $"main_{connectionId}",
            GoldenPathEvents: GoldenPathEvents,
            Features: [],
            Timestamp: variant.Timestamp(now)),
        Epoch(now));

    public object Pong(string userId, DateTimeOffset now) => new NetraPong(new NetraPongData(Epoch(now), userId), Epoch(now));

    /// <summary>Netra acknowledges nothing: a client knows its run by the run_id of the events.</summary>
    public object? Ack(string messageId, string threadId, string runId) => null;

    public bool CarriesEventIds => false;

    public object RunEvent(RunEnvelope envelope, RunFact fact, bool nestFields) => fact switch
    {
        AgentThinkingFact or AgentCompletedFact => CriticalEvent(envelope, fact, nestFields),
        _ => BridgeEvent(envelope, fact, nestFields),
    };

    public UserMessageRequest ReadUserMessage(JsonElement frame) => UserMessageRequest.Read(frame, contentNames: ["content", "text"]);

    /// <summary>
    /// Layout A (agent_started, tool_executing, tool_completed, agent_error): the common fields but no thread_id, tool_name
    /// and results at the top, the rest under <c>data</c>. The run-nested-fields fault writes <c>data</c>'s fields flat
    /// beside the common ones instead.
    /// </summary>
    private static NetraBridgeEvent BridgeEvent(RunEnvelope envelope, RunFact fact, bool nestFields)
    {
        var (toolName, results, data) = fact switch
        {
            AgentStartedFact => (null, null, new Dictionary<string, object?> { ["status"] = "started" }),
            ToolExecutingFact executing => (executing.ToolName, null, new Dictionary<string, object?> { ["parameters"] = executing.Parameters }),
            ToolCompletedFact completed => (completed.ToolName, completed.Results, new Dictionary<string, object?>
            {
                ["result"] = completed.Results,
                ["execution_time_ms"] = completed.DurationMs,
            }),
            AgentErrorFact error => ((string?)null, (object?)null, new Dictionary<string, object?> { ["error_message"] = error.Error }),
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Type, "not an event of layout A"),
        };
        return new NetraBridgeEvent
        {
            Type = fact.Type,
            RunId = envelope.RunId,
            UserId = envelope.UserId,
            AgentName = envelope.AgentName,
            Timestamp = envelope.Timestamp,
            ToolName = toolName,
            Results = results,
            Data = nestFields ? null : data,
            Flat = nestFields ? data : null,
        };
    }

    /// <summary>
    /// Layout B (agent_thinking, agent_completed): flat, with thread_id and a request_id, <c>user_id</c> null (netra sets it only
    /// for a user tier; the run-wrong-user-id fault puts its fresh id there too). The run-nested-fields fault moves the
    /// event's own fields under <c>data</c>.
    /// </summary>
    private static NetraCriticalEvent CriticalEvent(RunEnvelope envelope, RunFact fact, bool nestFields)
    {
        var own = fact switch
        {
            AgentThinkingFact thinking => new Dictionary<string, object?>
            {
                ["reasoning"] = thinking.Reasoning,
                ["step_number"] = thinking.StepNumber,
            },
            AgentCompletedFact completed => new Dictionary<string, object?>
            {
                ["status"] = "completed",
                ["final_response"] = completed.FinalResponse,
                ["execution_time_ms"] = completed.DurationMs,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Type, "not an event of layout B"),
        };
        return new NetraCriticalEvent
        {
            Timestamp = envelope.Timestamp,
            Type = fact.Type,
            RunId = envelope.RunId,
            ThreadId = envelope.ThreadId,
            RequestId = $"req_{envelope.RunId}",
            UserId = envelope.UserIdOverridden ? envelope.UserId : null,
            AgentName = envelope.AgentName,
            Fields = nestFields ? [] : own,
            Data = nestFields ? own : null,
        };
    }

    private NetraErrorMessage Error(string code, string message) =>
        new(code, variant.ErrorMessage(message), [], EpochNow());

    private EpochSeconds EpochNow() => Epoch(clock.GetUtcNow());

    private EpochSeconds Epoch(DateTimeOffset instant) => EpochSeconds.From(instant, wholeSeconds: variant.IsRelaxed);
}

/// <summary>netra's <c>ErrorMessage</c>: every error the server sends, AUTH_FAILED included.</summary>
public sealed record NetraErrorMessage(string ErrorCode, string ErrorMessage, Dictionary<string, object?> Details, EpochSeconds Timestamp)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error_message";

    public object? RecoverySuggestions => null;
}

public sealed record NetraConnectionEstablished(NetraWelcomeData Data, EpochSeconds Timestamp)
{
    [JsonPropertyOrder(-1)]
    public string Type => "connection_established";

    public string? ServerId => null;

    public string? CorrelationId => null;
}

public sealed record NetraWelcomeData(
    string Mode,
    string UserId,
    string ConnectionId,
    IReadOnlyList<string> GoldenPathEvents,
    Dictionary<string, object?> Features,
    string Timestamp);

public sealed record NetraPong(NetraPongData Data, EpochSeconds Timestamp)
{
    [JsonPropertyOrder(-1)]
    public string Type => "pong";
}

public sealed record NetraPongData(EpochSeconds Timestamp, string UserId);

/// <summary>Layout A: netra's AgentWebSocketBridge notifications (agent_started, tool_executing, tool_completed, agent_error).</summary>
public sealed class NetraBridgeEvent
{
    public required string Type { get; init; }

    public required string RunId { get; init; }

    /// <summary>The recipient's user id (a fresh one under run-wrong-user-id).</summary>
    public required string UserId { get; init; }

    public required string AgentName { get; init; }

    /// <summary>ISO-8601; absent only under run-missing-field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timestamp { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToolName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object? Results { get; init; }

    /// <summary>The event's own fields; null only under run-nested-fields, which writes them in <see cref="Flat"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object?>? Data { get; init; }

    [JsonExtensionData]
    public Dictionary<string, object?>? Flat { get; init; }
}

/// <summary>Layout B: netra's emit_critical_event (agent_thinking, agent_completed), flat.</summary>
public sealed class NetraCriticalEvent
{
    /// <summary>ISO-8601; absent only under run-missing-field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timestamp { get; init; }

    public bool Critical => true;

    public required string Type { get; init; }

    public required string RunId { get; init; }

    public required string ThreadId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>Null, as netra sends it without a user tier; written even then.</summary>
    public string? UserId { get; init; }

    public required string AgentName { get; init; }

    /// <summary>Only under run-nested-fields: the event's own fields, moved here (schema drift).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object?>? Data { get; init; }

    [JsonExtensionData]
    public Dictionary<string, object?> Fields { get; init; } = [];
}

using System.Text.Json;
using GoldenPath.Backend.Events;
using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Backend.WebSockets;

/// <summary>PROTOCOL §3 to the letter (the protocol-1.2 dialect, the default): the frames of ServerFrames.cs and flat <see cref="Events.RunEvent"/>s.</summary>
public sealed class ProtocolFrameFormat(PlatformVariant variant) : IFrameFormat
{
    public object AuthFailed(string reason) => ErrorFrame.AuthFailed(reason);

    public object InvalidMessage(string message, string? messageId) => ErrorFrame.InvalidMessage(message, messageId);

    public object ThreadNotFound(string? messageId) => ErrorFrame.ThreadNotFound(messageId);

    public object Welcome(string connectionId, string userId, DateTimeOffset now) =>
        new ConnectionEstablishedFrame(connectionId, userId, variant.Timestamp(now));

    public object Pong(string userId, DateTimeOffset now) => new PongFrame();

    public object? Ack(string messageId, string threadId, string runId) => new MessageAckFrame(messageId, threadId, runId);

    public bool CarriesEventIds => true;

    public object RunEvent(RunEnvelope envelope, RunFact fact, bool nestFields)
    {
        var fields = OwnFields(fact);
        return new RunEvent
        {
            Type = fact.Type,
            EventId = envelope.EventId!,
            RunId = envelope.RunId,
            ThreadId = envelope.ThreadId,
            UserId = envelope.UserId,
            AgentName = envelope.AgentName,
            Timestamp = envelope.Timestamp,
            Fields = nestFields ? [] : fields,
            Data = nestFields && fields.Count > 0 ? fields : null,
        };
    }

    public UserMessageRequest ReadUserMessage(JsonElement frame) => UserMessageRequest.Read(frame, contentNames: ["content"]);

    /// <summary>The type's own fields of §3's table, in the order they are written.</summary>
    private static Dictionary<string, object?> OwnFields(RunFact fact) => fact switch
    {
        AgentStartedFact => [],
        AgentThinkingFact thinking => new() { ["reasoning"] = thinking.Reasoning },
        ToolExecutingFact executing => new()
        {
            ["tool_name"] = executing.ToolName,
            ["tool_call_id"] = executing.ToolCallId,
            ["parameters"] = executing.Parameters,
        },
        ToolCompletedFact completed => new()
        {
            ["tool_name"] = completed.ToolName,
            ["tool_call_id"] = completed.ToolCallId,
            ["results"] = completed.Results,
            ["success"] = completed.Success,
            ["duration_ms"] = completed.DurationMs,
        },
        AgentCompletedFact completed => new()
        {
            ["status"] = "completed",
            ["final_response"] = completed.FinalResponse,
            ["duration_ms"] = completed.DurationMs,
        },
        AgentErrorFact error => new() { ["error"] = error.Error },
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Type, "no layout for this event"),
    };
}

using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.Events;

/// <summary>The events of one run, in order, with exactly one terminal event however the run ends.</summary>
public sealed class RunEventStream(EventPublisher publisher, IdGenerator ids, AcceptedTurn turn, string agentName, TimeProvider clock)
{
    private bool _terminated;

    public Task StartedAsync() => PublishAsync("agent_started", []);

    public Task ThinkingAsync(string reasoning) => PublishAsync("agent_thinking", new() { ["reasoning"] = reasoning });

    public Task ToolExecutingAsync(string toolName, string toolCallId, object parameters) =>
        PublishAsync("tool_executing", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = toolCallId,
            ["parameters"] = parameters,
        });

    public Task ToolCompletedAsync(string toolName, string toolCallId, object results, bool success, long durationMs) =>
        PublishAsync("tool_completed", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = toolCallId,
            ["results"] = results,
            ["success"] = success,
            ["duration_ms"] = durationMs,
        });

    public Task CompletedAsync(string finalResponse, long durationMs) =>
        TerminateAsync("agent_completed", new()
        {
            ["status"] = "completed",
            ["final_response"] = finalResponse,
            ["duration_ms"] = durationMs,
        });

    /// <summary>Ends the run with an error, unless it already ended.</summary>
    public Task ErrorAsync(string error) => TerminateAsync("agent_error", new() { ["error"] = error });

    private Task TerminateAsync(string type, Dictionary<string, object?> fields)
    {
        if (_terminated)
        {
            return Task.CompletedTask;
        }

        _terminated = true;
        return PublishAsync(type, fields);
    }

    private async Task PublishAsync(string type, Dictionary<string, object?> fields) =>
        await publisher.PublishAsync(new RunEvent
        {
            Type = type,
            EventId = await ids.NextAsync(IdKind.Event),
            RunId = turn.RunId,
            ThreadId = turn.ThreadId,
            UserId = turn.UserId,
            AgentName = agentName,
            Timestamp = clock.GetUtcNow().UtcDateTime.ToString("O"),
            Fields = fields,
        });
}

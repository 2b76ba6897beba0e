using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Storage;
using GoldenPath.Backend.WebSockets;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.Events;

/// <summary>Opens the event stream of each run.</summary>
public sealed class RunEventStreams(EventPublisher publisher, IdGenerator ids, AgentVoice voice, PlatformVariant variant, TimeProvider clock)
{
    public RunEventStream Open(AcceptedTurn turn) => new(publisher, ids, voice, variant, clock, turn);
}

/// <summary>
/// The events of one run, in order, with exactly one terminal event however the run ends. Under the relaxed
/// variant, a 0–50 ms pause before each event (so runs interleave on the wire), a heartbeat frame after every
/// second event and an agent_progress frame before each tool_completed: frame types PROTOCOL does not name.
/// </summary>
public sealed class RunEventStream(
    EventPublisher publisher, IdGenerator ids, AgentVoice voice, PlatformVariant variant, TimeProvider clock, AcceptedTurn turn)
{
    private const int MaxInterleaveMs = 50;
    private bool _terminated;
    private int _published;

    public Task StartedAsync() => PublishAsync("agent_started", []);

    public Task ThinkingAsync(string reasoning) => PublishAsync("agent_thinking", new() { ["reasoning"] = reasoning });

    public Task ToolExecutingAsync(string toolName, string toolCallId, object parameters) =>
        PublishAsync("tool_executing", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = toolCallId,
            ["parameters"] = parameters,
        });

    public async Task ToolCompletedAsync(string toolName, string toolCallId, object results, bool success, long durationMs)
    {
        if (variant.IsRelaxed)
        {
            await PublishFrameAsync(new AgentProgressFrame(turn.RunId, turn.ThreadId, Now(), $"{toolName} finished"));
        }

        await PublishAsync("tool_completed", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = toolCallId,
            ["results"] = results,
            ["success"] = success,
            ["duration_ms"] = durationMs,
        });
    }

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

    private async Task PublishAsync(string type, Dictionary<string, object?> fields)
    {
        if (variant.IsRelaxed && _published % 2 == 1)
        {
            await PublishFrameAsync(new HeartbeatFrame(Now(), RunId: turn.RunId, ThreadId: turn.ThreadId));
        }

        _published++;
        await PublishFrameAsync(new RunEvent
        {
            Type = type,
            EventId = await ids.NextAsync(IdKind.Event),
            RunId = turn.RunId,
            ThreadId = turn.ThreadId,
            UserId = turn.UserId,
            AgentName = voice.AgentName,
            Timestamp = Now(),
            Fields = fields,
        });
    }

    private async Task PublishFrameAsync(object frame)
    {
        if (variant.IsRelaxed)
        {
            await Task.Delay(Random.Shared.Next(0, MaxInterleaveMs + 1));
        }

        await publisher.PublishAsync(EventChannel.ForUser(turn.UserId), frame);
    }

    private string Now() => variant.Timestamp(clock.GetUtcNow());
}

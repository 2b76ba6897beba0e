using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Backend.WebSockets;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.Events;

/// <summary>Opens the event stream of each run.</summary>
public sealed class RunEventStreams(
    EventPublisher publisher, IdGenerator ids, AgentVoice voice, PlatformVariant variant, RunFaults faults, TimeProvider clock)
{
    /// <param name="senderConnectionId">The connection the user_message came on (only the tabs-sender-only fault needs it).</param>
    public RunEventStream Open(AcceptedTurn turn, string senderConnectionId) =>
        new(publisher, ids, voice, variant, faults, clock, turn, senderConnectionId);
}

/// <summary>
/// The events of one run, in order, with exactly one terminal event however the run ends (unless a
/// <see cref="RunFaults"/> fault says otherwise). Under the relaxed variant, a 0–50 ms pause before each frame
/// (so runs interleave on the wire), a heartbeat frame after every second event and an agent_progress frame
/// before each tool_completed: frame types PROTOCOL does not name.
/// </summary>
public sealed class RunEventStream(
    EventPublisher publisher,
    IdGenerator ids,
    AgentVoice voice,
    PlatformVariant variant,
    RunFaults faults,
    TimeProvider clock,
    AcceptedTurn turn,
    string senderConnectionId)
{
    private const int MaxInterleaveMs = 50;
    private bool _terminated;
    private bool _toolCalled;
    private int _published;
    private string? _firstEventId;
    private string? _wrongUserId;
    private string? _wrongThreadId;

    public async Task StartedAsync()
    {
        await Task.Delay(faults.StartDelay);
        if (faults.OmitsStarted)
        {
            return;
        }

        await PublishAsync("agent_started", []);
        if (faults.DoublesStarted)
        {
            await PublishAsync("agent_started", []);
        }
    }

    public Task ThinkingAsync(string reasoning) => faults.OmitsThinkingBeforeTool && !_toolCalled
        ? Task.CompletedTask
        : PublishAsync("agent_thinking", new() { ["reasoning"] = reasoning });

    public async Task ToolExecutingAsync(string toolName, string toolCallId, object parameters)
    {
        if (!_toolCalled)
        {
            _toolCalled = true;
            await Task.Delay(faults.GapBeforeFirstTool);
        }

        if (faults.OmitsToolEvents)
        {
            return;
        }

        await PublishAsync("tool_executing", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = toolCallId,
            ["parameters"] = parameters,
        });
    }

    public async Task ToolCompletedAsync(string toolName, string toolCallId, object results, bool success, long durationMs)
    {
        if (faults.OmitsToolEvents)
        {
            return;
        }

        if (variant.IsRelaxed)
        {
            await PublishFrameAsync(new AgentProgressFrame(turn.RunId, turn.ThreadId, Now(), $"{toolName} finished"));
        }

        await PublishAsync("tool_completed", new()
        {
            ["tool_name"] = toolName,
            ["tool_call_id"] = faults.UnpairsToolCompleted ? await ids.NextAsync(IdKind.ToolCall) : toolCallId,
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

    private async Task TerminateAsync(string type, Dictionary<string, object?> fields)
    {
        if (_terminated)
        {
            return;
        }

        _terminated = true;
        if (faults.OmitsTerminal)
        {
            return;
        }

        await PublishAsync(type, fields);
        if (faults.DoublesTerminal)
        {
            await PublishAsync(type, fields);
        }

        if (faults.SendsEventAfterTerminal)
        {
            await PublishAsync("agent_thinking", new() { ["reasoning"] = "One more thought, after the run ended." });
        }
    }

    private async Task PublishAsync(string type, Dictionary<string, object?> fields)
    {
        if (variant.IsRelaxed && _published % 2 == 1)
        {
            await PublishFrameAsync(new HeartbeatFrame(Now(), RunId: turn.RunId, ThreadId: turn.ThreadId));
        }

        var eventId = faults.ReusesEventId && _published == 1 ? _firstEventId! : await ids.NextAsync(IdKind.Event);
        _firstEventId ??= eventId;
        _published++;
        await PublishFrameAsync(new RunEvent
        {
            Type = type,
            EventId = eventId,
            RunId = turn.RunId,
            ThreadId = faults.CarriesWrongThreadId ? _wrongThreadId ??= await ids.NextAsync(IdKind.Thread) : turn.ThreadId,
            UserId = faults.CarriesWrongUserId ? _wrongUserId ??= await ids.NextAsync(IdKind.User) : turn.UserId,
            AgentName = voice.AgentName,
            Timestamp = faults.OmitsTimestamp ? null : Now(),
            Fields = faults.NestsFields ? [] : fields,
            Data = faults.NestsFields && fields.Count > 0 ? fields : null,
        });
    }

    private async Task PublishFrameAsync(object frame)
    {
        if (variant.IsRelaxed)
        {
            await Task.Delay(Random.Shared.Next(0, MaxInterleaveMs + 1));
        }

        var channel = faults.EventsToSenderOnly ? EventChannel.ForConnection(turn.UserId, senderConnectionId) : EventChannel.ForUser(turn.UserId);
        await publisher.PublishAsync(channel, frame);
    }

    private string Now() => variant.Timestamp(clock.GetUtcNow());
}

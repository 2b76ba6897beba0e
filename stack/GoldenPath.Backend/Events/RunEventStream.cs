using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Backend.WebSockets;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.Events;

/// <summary>Opens the event stream of each run.</summary>
public sealed class RunEventStreams(
    EventPublisher publisher, IdGenerator ids, AgentVoice voice, PlatformVariant variant, RunFaults faults, IFrameFormat frames, TimeProvider clock)
{
    /// <param name="senderConnectionId">The connection the user_message came on (only the tabs-sender-only fault needs it).</param>
    public RunEventStream Open(AcceptedTurn turn, string senderConnectionId) =>
        new(publisher, ids, voice, variant, faults, frames, clock, turn, senderConnectionId);
}

/// <summary>
/// The events of one run, in order, with exactly one terminal event however the run ends (unless a
/// <see cref="RunFaults"/> fault says otherwise). Under the relaxed variant, a 0–50 ms pause before each frame
/// (so runs interleave on the wire), a heartbeat frame after every second event and an agent_progress frame
/// before each tool_completed: frame types PROTOCOL does not name. The stream decides the events and what the faults do to
/// them (<see cref="RunFact"/>, <see cref="RunEnvelope"/>); the dialect's <see cref="IFrameFormat"/> lays each one out.
/// </summary>
public sealed class RunEventStream(
    EventPublisher publisher,
    IdGenerator ids,
    AgentVoice voice,
    PlatformVariant variant,
    RunFaults faults,
    IFrameFormat frames,
    TimeProvider clock,
    AcceptedTurn turn,
    string senderConnectionId)
{
    private const int MaxInterleaveMs = 50;
    private bool terminated;
    private bool toolCalled;
    private int published;
    private int thoughts;
    private string? firstEventId;
    private string? wrongUserId;
    private string? wrongThreadId;

    public async Task StartedAsync()
    {
        await Task.Delay(faults.StartDelay);
        if (faults.OmitsStarted)
        {
            return;
        }

        await PublishAsync(new AgentStartedFact());
        if (faults.DoublesStarted)
        {
            await PublishAsync(new AgentStartedFact());
        }
    }

    public Task ThinkingAsync(string reasoning) => faults.OmitsThinkingBeforeTool && !toolCalled
        ? Task.CompletedTask
        : PublishAsync(new AgentThinkingFact(reasoning, ++thoughts));

    public async Task ToolExecutingAsync(string toolName, string toolCallId, object parameters)
    {
        if (!toolCalled)
        {
            toolCalled = true;
            await Task.Delay(faults.GapBeforeFirstTool);
        }

        if (faults.OmitsToolEvents)
        {
            return;
        }

        await PublishAsync(new ToolExecutingFact(toolName, toolCallId, parameters));
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

        // Under a dialect without tool_call_id (netra-apex) the fresh id of run-unpaired-tool is never written: a no-op there.
        var completedCallId = faults.UnpairsToolCompleted ? await ids.NextAsync(IdKind.ToolCall) : toolCallId;
        await PublishAsync(new ToolCompletedFact(toolName, completedCallId, results, success, durationMs));
    }

    public Task CompletedAsync(string finalResponse, long durationMs) => TerminateAsync(new AgentCompletedFact(finalResponse, durationMs));

    /// <summary>Ends the run with an error, unless it already ended.</summary>
    public Task ErrorAsync(string error) => TerminateAsync(new AgentErrorFact(error));

    private async Task TerminateAsync(RunFact terminal)
    {
        if (terminated)
        {
            return;
        }

        terminated = true;
        if (faults.OmitsTerminal)
        {
            return;
        }

        await PublishAsync(terminal);
        if (faults.DoublesTerminal)
        {
            await PublishAsync(terminal);
        }

        if (faults.SendsEventAfterTerminal)
        {
            await PublishAsync(new AgentThinkingFact("One more thought, after the run ended.", ++thoughts));
        }
    }

    private async Task PublishAsync(RunFact fact)
    {
        if (published > 0)
        {
            await Task.Delay(faults.PauseBeforeEachLaterEvent);
        }

        if (variant.IsRelaxed && published % 2 == 1)
        {
            await PublishFrameAsync(new HeartbeatFrame(Now(), RunId: turn.RunId, ThreadId: turn.ThreadId));
        }

        var eventId = !frames.CarriesEventIds ? null
            : faults.ReusesEventId && published == 1 ? firstEventId! : await ids.NextAsync(IdKind.Event);
        firstEventId ??= eventId;
        published++;
        var envelope = new RunEnvelope(
            eventId,
            turn.RunId,
            faults.CarriesWrongThreadId ? wrongThreadId ??= await ids.NextAsync(IdKind.Thread) : turn.ThreadId,
            faults.CarriesWrongUserId ? wrongUserId ??= await ids.NextAsync(IdKind.User) : turn.UserId,
            voice.AgentName,
            faults.OmitsTimestamp ? null : Now(),
            UserIdOverridden: faults.CarriesWrongUserId);
        await PublishFrameAsync(frames.RunEvent(envelope, fact, faults.NestsFields));
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

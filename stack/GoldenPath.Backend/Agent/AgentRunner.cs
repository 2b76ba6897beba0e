using GoldenPath.Backend.Agent.Tools;
using GoldenPath.Backend.Events;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Ids;

namespace GoldenPath.Backend.Agent;

/// <summary>
/// Runs the deterministic agent for one accepted message in the background, emitting
/// agent_started → agent_thinking → tool_executing → tool_completed → agent_completed (or agent_error);
/// <see cref="AgentVoice"/> decides the wording, and whether there are more thoughts and tool calls.
/// </summary>
public sealed class AgentRunner(
    ToolSelector selector,
    AgentVoice voice,
    RunEventStreams streams,
    MessageRepository messages,
    RunRepository runs,
    RunFaults faults,
    IdGenerator ids,
    TimeProvider clock,
    ILogger<AgentRunner> logger)
{
    private const string InternalError = "internal error";

    /// <param name="senderConnectionId">The connection the message came on.</param>
    /// <param name="afterStarted">Called once agent_started is out (only the ack-late fault uses it).</param>
    public void Start(AcceptedTurn turn, string senderConnectionId, Action? afterStarted = null) =>
        _ = Task.Run(() => RunAsync(turn, senderConnectionId, afterStarted));

    private async Task RunAsync(AcceptedTurn turn, string senderConnectionId, Action? afterStarted)
    {
        // A run finishes even when the connection that started it closes: other connections may be waiting for it.
        var cancellationToken = CancellationToken.None;
        var events = streams.Open(turn, senderConnectionId);
        var started = clock.GetTimestamp();
        try
        {
            await events.StartedAsync();
            afterStarted?.Invoke();
            var call = selector.Choose(turn);
            foreach (var thought in voice.ThoughtsBefore(call))
            {
                await events.ThinkingAsync(thought);
            }

            if (voice.WarmsUp(call))
            {
                await CallToolAsync(selector.WarmUp(), turn, events);
                await events.ThinkingAsync(voice.ThoughtAfterWarmUp);
            }

            var outcome = await CallToolAsync(call, turn, events);
            if (!outcome.Success && !faults.CompletesFailedRuns)
            {
                await runs.FinishAsync(turn.RunId, RunStatus.Failed, outcome.Error, cancellationToken);
                await events.ErrorAsync(voice.Error(outcome.Error!));
                return;
            }

            // Under the error-run-completes fault a failed call reaches here: its error is the "answer".
            var answer = outcome.Success ? voice.FinalResponse(outcome) : outcome.Error!;
            if (faults.AnswerStorage == AnswerStorage.BeforeCompleted)
            {
                await messages.AddAssistantMessageAsync(turn, answer, cancellationToken, finishRun: true);
            }
            else
            {
                await runs.FinishAsync(turn.RunId, RunStatus.Completed, null, cancellationToken);
            }

            await events.CompletedAsync(answer, ElapsedMs(started));
            if (faults.AnswerStorage == AnswerStorage.AfterCompleted)
            {
                await Task.Delay(faults.LateStorageDelay, cancellationToken);
                await messages.AddAssistantMessageAsync(turn, answer, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} failed", turn.RunId);
            await FailAsync(turn, events);
        }
    }

    /// <summary>tool_executing, the call, then its tool_completed with the same tool_call_id.</summary>
    private async Task<ToolOutcome> CallToolAsync(ToolCall call, AcceptedTurn turn, RunEventStream events)
    {
        var toolCallId = await ids.NextAsync(IdKind.ToolCall);
        await events.ToolExecutingAsync(call.ToolName, toolCallId, call.Parameters);
        var toolStarted = clock.GetTimestamp();
        var outcome = await ExecuteAsync(call, turn, CancellationToken.None);
        await events.ToolCompletedAsync(call.ToolName, toolCallId, outcome.Results, outcome.Success, ElapsedMs(toolStarted));
        return outcome;
    }

    /// <summary>Never throws: a tool that breaks still gets its tool_completed, with success false.</summary>
    private async Task<ToolOutcome> ExecuteAsync(ToolCall call, AcceptedTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ExecuteAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId}: tool {Tool} failed", turn.RunId, call.ToolName);
            return ToolOutcome.Failed(new ToolError(InternalError), $"the {call.ToolName} tool failed");
        }
    }

    private async Task FailAsync(AcceptedTurn turn, RunEventStream events)
    {
        try
        {
            await runs.FinishAsync(turn.RunId, RunStatus.Failed, InternalError, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId}: could not record its failure", turn.RunId);
        }

        try
        {
            await events.ErrorAsync(voice.Error(InternalError));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId}: could not publish its failure", turn.RunId);
        }
    }

    private long ElapsedMs(long startTimestamp) => (long)clock.GetElapsedTime(startTimestamp).TotalMilliseconds;
}

using GoldenPath.Backend.Agent.Tools;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;

namespace GoldenPath.Backend.Agent;

/// <summary>The reference agent's one decision (PROTOCOL §4): calculator, else clock, else history search.</summary>
public sealed class ToolSelector(MessageRepository messages, RunFaults faults, TimeProvider clock)
{
    public ToolCall Choose(AcceptedTurn turn) =>
        CalculatorCall.TryCreate(turn.Content, faults)
        ?? ClockCall.TryCreate(turn.Content, clock)
        ?? (ToolCall)new HistorySearchCall(turn, messages, faults);

    /// <summary>A clock call whose answer is not used: the relaxed agent's extra tool call (<see cref="AgentVoice"/>).</summary>
    public ToolCall WarmUp() => new ClockCall(clock);
}

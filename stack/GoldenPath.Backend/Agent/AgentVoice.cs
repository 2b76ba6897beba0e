using GoldenPath.Backend.Agent.Tools;
using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Backend.Agent;

/// <summary>
/// What the agent says and how long its runs are: the reference wording under strict; under relaxed, other
/// wording, several agent_thinking events, and an extra clock call before a calculation (PROTOCOL §0: wording is
/// free, runs may be longer). The computed values of §4 never change.
/// </summary>
public sealed class AgentVoice(PlatformVariant variant)
{
    public string AgentName => variant.IsRelaxed ? "relaxed-agent" : "reference-agent";

    /// <summary>The agent_thinking events before the first tool call.</summary>
    public IReadOnlyList<string> ThoughtsBefore(ToolCall call) => !variant.IsRelaxed
        ? [call.Reasoning]
        : call is HistorySearchCall
            ? ["Reading the message.", $"Plan: {call.Reasoning}", "Looking through what you wrote before."]
            : ["Reading the message.", $"Plan: {call.Reasoning}"];

    /// <summary>Whether a clock call comes first; its answer is not used, so the computed answer stays the same.</summary>
    public bool WarmsUp(ToolCall call) => variant.IsRelaxed && call is CalculatorCall;

    public string ThoughtAfterWarmUp => "Noted the time; now the calculation itself.";

    public string FinalResponse(ToolOutcome outcome) => !variant.IsRelaxed
        ? outcome.FinalResponse!
        : outcome.Value is { } value ? $"The answer: {value}." : $"Here is what I found. {outcome.FinalResponse}";

    public string Error(string error) => variant.ErrorMessage(error);
}

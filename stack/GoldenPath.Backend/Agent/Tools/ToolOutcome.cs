namespace GoldenPath.Backend.Agent.Tools;

/// <summary>
/// What a tool produced: results for tool_completed, and either the answer or the reason the run fails.
/// <see cref="Value"/> is the computed value alone (the calculator's result), when there is one.
/// </summary>
public sealed record ToolOutcome(bool Success, object Results, string? FinalResponse, string? Error, string? Value = null)
{
    public static ToolOutcome Succeeded(object results, string finalResponse, string? value = null) => new(true, results, finalResponse, null, value);

    public static ToolOutcome Failed(object results, string error) => new(false, results, null, error);
}

public sealed record ToolError(string Error);

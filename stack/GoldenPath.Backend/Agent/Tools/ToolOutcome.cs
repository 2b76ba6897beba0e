namespace GoldenPath.Backend.Agent.Tools;

/// <summary>What a tool produced: results for tool_completed, and either the answer or the reason the run fails.</summary>
public sealed record ToolOutcome(bool Success, object Results, string? FinalResponse, string? Error)
{
    public static ToolOutcome Succeeded(object results, string finalResponse) => new(true, results, finalResponse, null);

    public static ToolOutcome Failed(object results, string error) => new(false, results, null, error);
}

public sealed record ToolError(string Error);

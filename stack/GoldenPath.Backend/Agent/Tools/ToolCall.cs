namespace GoldenPath.Backend.Agent.Tools;

/// <summary>A tool the agent decided to call for one message, with what the events say about it.</summary>
public abstract class ToolCall
{
    public abstract string ToolName { get; }

    /// <summary>Why the agent chose this tool (the agent_thinking event).</summary>
    public abstract string Reasoning { get; }

    /// <summary>Serialized as the tool_executing event's <c>parameters</c> object.</summary>
    public abstract object Parameters { get; }

    public abstract Task<ToolOutcome> ExecuteAsync(CancellationToken cancellationToken);
}

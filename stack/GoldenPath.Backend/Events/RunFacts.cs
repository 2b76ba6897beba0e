namespace GoldenPath.Backend.Events;

/// <summary>
/// What happened in a run, in no wire format: <see cref="RunEventStream"/> decides the facts (and the faults that bend
/// them), the dialect's <see cref="WebSockets.IFrameFormat"/> lays them out as a frame.
/// </summary>
public abstract record RunFact(string Type);

public sealed record AgentStartedFact() : RunFact("agent_started");

/// <param name="StepNumber">1 for the run's first agent_thinking, and so on.</param>
public sealed record AgentThinkingFact(string Reasoning, int StepNumber) : RunFact("agent_thinking");

public sealed record ToolExecutingFact(string ToolName, string ToolCallId, object Parameters) : RunFact("tool_executing");

public sealed record ToolCompletedFact(string ToolName, string ToolCallId, object Results, bool Success, long DurationMs) : RunFact("tool_completed");

public sealed record AgentCompletedFact(string FinalResponse, long DurationMs) : RunFact("agent_completed");

public sealed record AgentErrorFact(string Error) : RunFact("agent_error");

/// <summary>
/// The fields every event of a run may carry, as the faults left them: <see cref="Timestamp"/> is null under
/// run-missing-field, <see cref="UserId"/> and <see cref="ThreadId"/> are fresh ids under run-wrong-user-id and
/// run-wrong-thread (<see cref="UserIdOverridden"/> says so for the user id), <see cref="EventId"/> is null where the
/// dialect has none.
/// </summary>
public sealed record RunEnvelope(
    string? EventId, string RunId, string ThreadId, string UserId, string AgentName, string? Timestamp, bool UserIdOverridden = false);

using System.Text.Json.Serialization;

namespace GoldenPath.Backend.Events;

/// <summary>One event of a run (PROTOCOL §3): the common fields, plus the type's own fields written flat beside them.</summary>
public sealed class RunEvent
{
    public required string Type { get; init; }

    public required string EventId { get; init; }

    public required string RunId { get; init; }

    public required string ThreadId { get; init; }

    public required string UserId { get; init; }

    public required string AgentName { get; init; }

    /// <summary>Always set, except under the run-missing-field fault.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timestamp { get; init; }

    /// <summary>Only under the run-nested-fields fault: the type's own fields, moved here (schema drift).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object?>? Data { get; init; }

    [JsonExtensionData]
    public Dictionary<string, object?> Fields { get; init; } = [];
}

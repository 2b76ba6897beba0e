namespace GoldenPath.Backend.Storage;

/// <summary>A row of GET /api/threads.</summary>
public sealed record ThreadSummary(string ThreadId, string Title, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A row of GET /api/threads/{id}/messages.</summary>
public sealed record StoredMessage(string MessageId, string Role, string Content, string? RunId, DateTime CreatedAt);

/// <summary>A user message that was stored and started a run.</summary>
public sealed record AcceptedTurn(string UserId, string ThreadId, string RunId, string MessageId, long MessageSequence, string Content);

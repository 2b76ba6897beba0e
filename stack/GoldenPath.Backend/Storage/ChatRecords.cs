namespace GoldenPath.Backend.Storage;

/// <summary>A row of GET /api/threads.</summary>
public sealed record ThreadSummary(Guid ThreadId, string Title, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A row of GET /api/threads/{id}/messages.</summary>
public sealed record StoredMessage(Guid MessageId, string Role, string Content, Guid? RunId, DateTime CreatedAt);

/// <summary>A user message that was stored and started a run.</summary>
public sealed record AcceptedTurn(Guid UserId, Guid ThreadId, Guid RunId, Guid MessageId, long MessageSequence, string Content);

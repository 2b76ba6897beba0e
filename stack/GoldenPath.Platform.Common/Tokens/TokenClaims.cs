namespace GoldenPath.Platform.Common.Tokens;

/// <summary>The claims of a token that passed validation.</summary>
public sealed record TokenClaims(string UserId, string Email, Guid TokenId, string TokenType, DateTimeOffset ExpiresAt);

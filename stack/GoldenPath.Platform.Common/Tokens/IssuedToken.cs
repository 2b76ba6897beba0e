namespace GoldenPath.Platform.Common.Tokens;

/// <summary>A signed token and the identifiers the issuer needs to track it.</summary>
public sealed record IssuedToken(string Value, Guid TokenId, DateTimeOffset ExpiresAt);

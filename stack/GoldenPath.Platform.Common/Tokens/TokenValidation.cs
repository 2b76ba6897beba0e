namespace GoldenPath.Platform.Common.Tokens;

/// <summary>The outcome of validating a token: its claims, or why it was refused.</summary>
public sealed record TokenValidation(TokenClaims? Claims, string? Error)
{
    public bool IsValid => Claims is not null;

    public static TokenValidation Valid(TokenClaims claims) => new(claims, null);

    public static TokenValidation Invalid(string error) => new(null, error);
}

/// <summary>Short reasons given for a refused token; they never echo the token.</summary>
public static class TokenError
{
    public const string Missing = "token_missing";
    public const string Invalid = "invalid_token";
    public const string Expired = "token_expired";
    public const string WrongType = "wrong_token_type";
    public const string Revoked = "token_revoked";
}

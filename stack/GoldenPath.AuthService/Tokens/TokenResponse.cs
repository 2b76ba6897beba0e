namespace GoldenPath.AuthService.Tokens;

/// <summary>The token response of register, login and refresh.</summary>
public sealed record TokenResponse(
    string AccessToken,
    string RefreshToken,
    string TokenType,
    int ExpiresIn,
    TokenResponseUser User);

public sealed record TokenResponseUser(string Id, string Email, string? Name);

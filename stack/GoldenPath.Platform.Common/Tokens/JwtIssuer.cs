using GoldenPath.Platform.Common.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Signs HS256 access and refresh tokens with the claims of PROTOCOL §1.</summary>
public sealed class JwtIssuer(JwtSettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials = new(JwtSigningKey.From(settings), SecurityAlgorithms.HmacSha256);

    public TimeSpan AccessLifetime => settings.AccessLifetime;

    public IssuedToken IssueAccess(string userId, string email) => Issue(userId, email, TokenType.Access, settings.AccessLifetime);

    public IssuedToken IssueRefresh(string userId, string email) => Issue(userId, email, TokenType.Refresh, settings.RefreshLifetime);

    private IssuedToken Issue(string userId, string email, string tokenType, TimeSpan lifetime)
    {
        var tokenId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var expiresAt = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId,
                [JwtRegisteredClaimNames.Email] = email,
                [JwtRegisteredClaimNames.Jti] = tokenId.ToString(),
                ["token_type"] = tokenType,
            },
        };

        // The exp claim has whole seconds: report the same instant the token carries.
        var expiresAtSeconds = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        return new IssuedToken(handler.CreateToken(descriptor), tokenId, expiresAtSeconds);
    }
}

using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.AuthService.Tokens;

/// <summary>Issues an access token and a recorded refresh token for a user.</summary>
public sealed class TokenPairIssuer(JwtIssuer issuer, RefreshTokenStore refreshTokens)
{
    public async Task<TokenResponse> IssueAsync(User user, CancellationToken cancellationToken)
    {
        var access = issuer.IssueAccess(user.Id, user.Email);
        var refresh = issuer.IssueRefresh(user.Id, user.Email);
        await refreshTokens.StoreAsync(refresh, user.Id, cancellationToken);
        return new TokenResponse(
            access.Value,
            refresh.Value,
            "Bearer",
            (int)issuer.AccessLifetime.TotalSeconds,
            new TokenResponseUser(user.Id, user.Email, user.Name));
    }
}

using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Faults;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.AuthService.Tokens;

/// <summary>Issues an access token and a recorded refresh token for a user.</summary>
public sealed class TokenPairIssuer(JwtIssuer issuer, RefreshTokenStore refreshTokens, FaultSwitches faults)
{
    public async Task<TokenResponse> IssueAsync(User user, CancellationToken cancellationToken)
    {
        var access = issuer.IssueAccess(user.Id, user.Email);
        var refresh = issuer.IssueRefresh(user.Id, user.Email);
        await refreshTokens.StoreAsync(refresh, user.Id, cancellationToken);
        return new TokenResponse(
            access.Value,
            refresh.Value,
            faults.IsOn(FaultSwitches.TokenTypeLowercase) ? "bearer" : "Bearer", // the token-type-lowercase fault: not the "Bearer" §1 names
            ExpiresIn(),
            new TokenResponseUser(user.Id, user.Email, user.Name));
    }

    /// <summary>The access token's lifetime in seconds; under the token-expires-in fault an hour that it is not.</summary>
    private int ExpiresIn()
    {
        var lifetime = (int)issuer.AccessLifetime.TotalSeconds;
        return !faults.IsOn(FaultSwitches.TokenExpiresIn) ? lifetime : lifetime == 3600 ? 7200 : 3600;
    }
}

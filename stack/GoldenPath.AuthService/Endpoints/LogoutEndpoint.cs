using GoldenPath.Platform.Common.Faults;
using GoldenPath.Platform.Common.Http;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.AuthService.Endpoints;

public static class LogoutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, AccessTokenAuthenticator authenticator, RevokedTokenStore revokedTokens, FaultSwitches faults)
    {
        var validation = await authenticator.AuthenticateAsync(request);
        if (validation.Claims is not { } claims)
        {
            return ApiError.Unauthorized("invalid_token", "a valid access token is required");
        }

        if (!faults.IsOn(FaultSwitches.LogoutKeepsToken)) // the logout-keeps-token fault: 204, and the token lives on
        {
            await revokedTokens.RevokeAsync(claims);
        }
        return Results.NoContent();
    }
}

using GoldenPath.Platform.Common.Faults;
using GoldenPath.AuthService.Tokens;
using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Http;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.AuthService.Endpoints;

public static class RefreshEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, JwtValidator validator, RefreshTokenStore refreshTokens, UserStore users, TokenPairIssuer issuer, FaultSwitches faults)
    {
        var body = await JsonBodyReader.TryReadAsync<RefreshRequest>(request);
        if (body is null)
        {
            return ApiError.InvalidRequest("the body must be a JSON object");
        }

        if (body.RefreshToken is null)
        {
            return ApiError.InvalidRequest("refresh_token is required");
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var validation = await validator.ValidateAsync(body.RefreshToken, TokenType.Refresh);
        if (validation.Claims is not { } claims)
        {
            return InvalidToken();
        }

        // Spending the token is one conditional UPDATE: of two concurrent refreshes, one wins.
        // The refresh-reusable fault: the old refresh token is never spent.
        var spent = faults.IsOn(FaultSwitches.RefreshReusable) || await refreshTokens.TrySpendAsync(claims.TokenId, claims.UserId, cancellationToken);
        var user = spent ? await users.FindByIdAsync(claims.UserId, cancellationToken) : null;
        return user is null ? InvalidToken() : Results.Json(await issuer.IssueAsync(user, cancellationToken));
    }

    private static IResult InvalidToken() =>
        ApiError.Unauthorized("invalid_token", "the refresh token is invalid, expired or already used");
}

using GoldenPath.Platform.Common.Faults;
using GoldenPath.Platform.Common.Http;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.AuthService.Endpoints;

/// <summary>Answers whether an access token would be accepted right now (revocation included).</summary>
public static class ValidateEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, AccessTokenAuthenticator authenticator, FaultSwitches faults)
    {
        var body = await JsonBodyReader.TryReadAsync<ValidateRequest>(request);
        if (body is null)
        {
            return ApiError.InvalidRequest("the body must be a JSON object");
        }

        // The validate-any-signature fault: any readable token is "valid", signed or not, by anyone.
        var validation = faults.IsOn(FaultSwitches.ValidateAnySignature) ? JwtValidator.ReadUnchecked(body.Token) : await authenticator.AuthenticateAsync(body.Token);
        return validation.Claims is { } claims
            ? Results.Json(new ValidToken(true, claims.UserId, claims.Email, claims.ExpiresAt.UtcDateTime))
            : Results.Json(new InvalidToken(false, validation.Error!));
    }

    private sealed record ValidToken(bool Valid, string UserId, string Email, DateTime ExpiresAt);

    private sealed record InvalidToken(bool Valid, string Error);
}

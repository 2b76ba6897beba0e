using GoldenPath.Platform.Common.Faults;
using GoldenPath.AuthService.Tokens;
using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Http;

namespace GoldenPath.AuthService.Endpoints;

public static class LoginEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, PasswordHasher hasher, UserStore users, TokenPairIssuer issuer, FaultSwitches faults)
    {
        var body = await JsonBodyReader.TryReadAsync<LoginRequest>(request);
        if (body is null)
        {
            return ApiError.InvalidRequest("the body must be a JSON object");
        }

        if (body.Email is null || body.Password is null)
        {
            return ApiError.InvalidRequest("email and password are required");
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var account = await users.FindByEmailAsync(CredentialRules.NormalizeEmail(body.Email), cancellationToken);

        // Verify against a decoy hash for an unknown email, so both failures take the same time.
        var passwordMatches = hasher.Verify(body.Password, account?.PasswordHash ?? hasher.DecoyHash);
        if (account is null && faults.IsOn(FaultSwitches.LoginUnknownEmail))
        {
            // The login-unknown-email fault: an unknown email is told apart from a wrong password.
            return ApiError.Result(StatusCodes.Status404NotFound, "user_not_found", "no user has this email");
        }

        if (account is null || !passwordMatches)
        {
            return ApiError.Unauthorized("invalid_credentials", "email or password is incorrect");
        }

        return Results.Json(await issuer.IssueAsync(account.User, cancellationToken));
    }
}

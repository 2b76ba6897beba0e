using GoldenPath.Platform.Common.Faults;
using GoldenPath.AuthService.Tokens;
using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Http;

namespace GoldenPath.AuthService.Endpoints;

public static class RegisterEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, PasswordHasher hasher, UserStore users, TokenPairIssuer issuer, FaultSwitches faults)
    {
        var body = await JsonBodyReader.TryReadAsync<RegisterRequest>(request);
        if (body is null)
        {
            return ApiError.InvalidRequest("the body must be a JSON object");
        }

        if (body.Email is null || body.Password is null)
        {
            return ApiError.InvalidRequest("email and password are required");
        }

        var email = CredentialRules.NormalizeEmail(body.Email);
        if (!CredentialRules.IsValidEmail(email))
        {
            return ApiError.InvalidRequest("email is not a valid address");
        }

        if (!CredentialRules.IsValidPassword(body.Password))
        {
            return ApiError.InvalidRequest($"password must be at least {CredentialRules.MinimumPasswordLength} characters");
        }

        var name = string.IsNullOrWhiteSpace(body.Name) ? null : body.Name.Trim();
        var user = await users.CreateAsync(email, name, hasher.Hash(body.Password), request.HttpContext.RequestAborted);
        if (user is null)
        {
            return ApiError.Result(StatusCodes.Status409Conflict, "user_exists", "a user with this email already exists");
        }

        return Results.Json(await issuer.IssueAsync(user, request.HttpContext.RequestAborted), statusCode: faults.IsOn(FaultSwitches.RegisterStatus200) ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }
}

using GoldenPath.Platform.Common.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Accepts a valid, unrevoked access token: what every protected endpoint requires.</summary>
public sealed class AccessTokenAuthenticator(JwtValidator validator, RevokedTokenStore revoked, ILogger<AccessTokenAuthenticator> logger)
{
    /// <summary>Authenticates the <c>Authorization: Bearer</c> token of a request.</summary>
    public Task<TokenValidation> AuthenticateAsync(HttpRequest request) => AuthenticateAsync(BearerToken.From(request));

    public async Task<TokenValidation> AuthenticateAsync(string? token)
    {
        var validation = await validator.ValidateAsync(token, TokenType.Access);
        if (!validation.IsValid)
        {
            return validation;
        }

        try
        {
            return await revoked.IsRevokedAsync(validation.Claims!.TokenId) ? TokenValidation.Invalid(TokenError.Revoked) : validation;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Fail closed: without Redis a revoked token cannot be told apart from a live one.
            logger.LogWarning("Revocation check failed, refusing the token: {Reason}", ex.GetType().Name);
            return TokenValidation.Invalid(TokenError.Invalid);
        }
    }
}

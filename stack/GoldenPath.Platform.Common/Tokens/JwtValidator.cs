using GoldenPath.Platform.Common.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Checks signature, issuer, audience, lifetime and token type; not revocation (see <see cref="AccessTokenAuthenticator"/>).</summary>
public sealed class JwtValidator
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly TokenValidationParameters parameters;

    public JwtValidator(JwtSettings settings)
    {
        parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = JwtSigningKey.From(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Issuer and services share one clock: an expired token is expired now, not in five minutes.
            ClockSkew = TimeSpan.Zero,
        };
    }

    public async Task<TokenValidation> ValidateAsync(string? token, string expectedType)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenValidation.Invalid(TokenError.Missing);
        }

        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return TokenValidation.Invalid(result.Exception is SecurityTokenExpiredException ? TokenError.Expired : TokenError.Invalid);
        }

        var claims = Read((JsonWebToken)result.SecurityToken);
        if (claims is null)
        {
            return TokenValidation.Invalid(TokenError.Invalid);
        }

        return claims.TokenType == expectedType ? TokenValidation.Valid(claims) : TokenValidation.Invalid(TokenError.WrongType);
    }

    private static TokenClaims? Read(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var userId) || string.IsNullOrEmpty(userId)
            || !token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti) || !Guid.TryParse(jti, out var tokenId)
            || !token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email)
            || !token.TryGetPayloadValue<string>("token_type", out var tokenType))
        {
            return null;
        }

        return new TokenClaims(userId, email, tokenId, tokenType, new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
    }
}

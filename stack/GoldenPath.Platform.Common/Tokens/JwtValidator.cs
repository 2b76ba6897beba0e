using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Faults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.Platform.Common.Tokens;

/// <summary>Checks signature, issuer, audience, lifetime and token type; not revocation (see <see cref="AccessTokenAuthenticator"/>).</summary>
/// <remarks>The jwt-* fault switches (stack/README.md) loosen one check each, per call, so a faults file can switch them.</remarks>
public sealed class JwtValidator
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly TokenValidationParameters parameters;
    private readonly FaultSwitches faults;

    public JwtValidator(JwtSettings settings, FaultSwitches? faults = null)
    {
        this.faults = faults ?? FaultSwitches.None;
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

        if (faults.IsOn(FaultSwitches.JwtAlgNone) && Unsigned(token) is { } unsigned)
        {
            // The jwt-alg-none fault: a token whose header says alg "none" is taken at its word, unchecked.
            return Read(unsigned) is { } forged && forged.TokenType == expectedType ? TokenValidation.Valid(forged) : TokenValidation.Invalid(TokenError.Invalid);
        }

        var result = await handler.ValidateTokenAsync(token, Loosened());
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

    /// <summary>The claims of <paramref name="token"/> read without checking anything (only the validate-any-signature fault uses it).</summary>
    public static TokenValidation ReadUnchecked(string? token)
    {
        try
        {
            return token is not null && Read(new JsonWebToken(token)) is { } claims ? TokenValidation.Valid(claims) : TokenValidation.Invalid(TokenError.Invalid);
        }
        catch (ArgumentException)
        {
            return TokenValidation.Invalid(TokenError.Invalid);
        }
    }

    /// <summary>The parameters with what the jwt-expired-accepted and jwt-any-issuer faults switch off (the same object without them).</summary>
    private TokenValidationParameters Loosened()
    {
        var expired = faults.IsOn(FaultSwitches.JwtExpiredAccepted);
        var anyIssuer = faults.IsOn(FaultSwitches.JwtAnyIssuer);
        if (!expired && !anyIssuer)
        {
            return parameters;
        }

        var loosened = parameters.Clone();
        loosened.ValidateLifetime = !expired;
        loosened.ValidateIssuer = !anyIssuer;
        loosened.ValidateAudience = !anyIssuer;
        return loosened;
    }

    private static JsonWebToken? Unsigned(string token)
    {
        try
        {
            var parsed = new JsonWebToken(token);
            return parsed.Alg == SecurityAlgorithms.None || string.Equals(parsed.Alg, "none", StringComparison.OrdinalIgnoreCase) ? parsed : null;
        }
        catch (ArgumentException)
        {
            return null; // not a JWT at all: the ordinary path refuses it
        }
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

using System.Net;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;
using GoldenPath.IntegrationTests.WebSocket;

namespace GoldenPath.IntegrationTests.Auth;

/// <summary>
/// PROTOCOL.md §1 and §3.1: a token not signed HS256 with the platform's key for its issuer and audience is refused everywhere a
/// token is taken: the WebSocket (AUTH_FAILED, close 1008), every /api/ route (401) and /auth/validate (valid: false). Each row
/// forges one kind from the user's own live access token, so only that one thing is wrong. The rows that sign with the platform's
/// key need it from the environment (users.secretKeyVariable); the others run anywhere.
/// </summary>
[Integration]
[Conformance]
public sealed class JwtRefusalTests(PlatformFixture platform)
{
    private const string Rule = "auth.jwt-refused";

    public static TheoryData<string> Kinds =>
    [
        "alg none, no signature",
        "empty signature",
        "HS512 with the platform's key",
        "RS256 header, garbage signature",
        "another key",
        "another issuer",
        "another audience",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    [Requirement(Rule, "ws.auth-failure", "http.auth", "auth.validate")]
    public async Task A_forged_token_is_refused_by_the_websocket_every_api_route_and_validate(string kind)
    {
        var key = kind is "HS512 with the platform's key" or "another issuer" or "another audience"
            ? platform.RequireSigningKey($"signs a token ({kind}) with the platform's key")
            : null;
        var user = await platform.NewUserAsync("jwt-refused");
        var token = Forge(kind, user.AccessToken, key);

        await ExpectRefusedEverywhereAsync(platform, token, kind);
    }

    /// <summary>§1 and §3.1: the WebSocket, every /api/ route and /auth/validate each refuse <paramref name="token"/>; a failure names <see cref="Rule"/>.</summary>
    internal static async Task ExpectRefusedEverywhereAsync(PlatformFixture platform, string token, string kind)
    {
        await AuthenticationFailureTests.ExpectRefusedAsync(platform, token, kind, Rule);
        await ExpectApiRefusesAsync(platform, token, kind);
        await ExpectNotValidAsync(platform, token, kind);
    }

    private static string Forge(string kind, string accessToken, TokenSettings? key) => kind switch
    {
        "alg none, no signature" => TokenForge.Unsigned(accessToken),
        "empty signature" => TokenForge.WithoutSignature(accessToken),
        "HS512 with the platform's key" => TokenForge.SignedHs512(accessToken, key!),
        "RS256 header, garbage signature" => TokenForge.Rs256Garbage(accessToken),
        "another key" => TokenForge.WronglySigned(accessToken),
        "another issuer" => TokenForge.WithClaim(accessToken, "iss", "goldenpath-impostor-issuer", key!),
        "another audience" => TokenForge.WithClaim(accessToken, "aud", "goldenpath-impostor-audience", key!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such kind of forged token"),
    };

    /// <summary>§2: every /api/ route answers 401 without a valid access token.</summary>
    private static async Task ExpectApiRefusesAsync(PlatformFixture platform, string token, string kind)
    {
        var routes = new[]
        {
            await platform.Backend.ThreadsAsync(token),
            await platform.Backend.MessagesAsync(token, Guid.NewGuid().ToString()),
        };
        if (routes.FirstOrDefault(r => r.Status != HttpStatusCode.Unauthorized) is { } accepted)
        {
            throw new GoldenPathException($"{Rule}: the token ({kind}) was not refused with 401, as every /api/ route must (PROTOCOL.md §2): {accepted.Describe()}");
        }
    }

    /// <summary>§1: 200 {valid: false, error} for every token §3.1 refuses.</summary>
    private static async Task ExpectNotValidAsync(PlatformFixture platform, string token, string kind)
    {
        var response = await platform.Auth.ValidateAsync(token);
        if (response.Status != HttpStatusCode.OK)
        {
            throw new GoldenPathException($"{Rule}: POST /auth/validate answers 200 {{valid: false, error}} for the token ({kind}): {response.Describe()}");
        }

        if (response.Boolean(Rule, "valid"))
        {
            throw new GoldenPathException($"{Rule}: valid is true for the token ({kind}) in the answer of POST /auth/validate: {response.Describe()}");
        }

        response.Value(Rule, "error");
    }
}

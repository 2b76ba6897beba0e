using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

/// <summary>
/// Expired tokens, refused everywhere a token is taken. An expired token can only be made by signing one, so these need the
/// platform's JWT key: a local stack knows it; a remote one when the environment supplies it (users.secretKeyVariable).
/// Without it they fail saying so (<see cref="SigningKeyRequirement"/>): an implementation that accepts expired tokens must not go unseen.
/// </summary>
[Integration]
[Conformance]
public sealed class ExpiredTokenTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("auth.jwt-refused", "ws.auth-failure", "http.auth", "auth.validate")]
    public async Task An_expired_access_token_is_refused_by_the_websocket_every_api_route_and_validate()
    {
        var key = platform.RequireSigningKey("signs an expired copy of the user's access token");
        var user = await platform.NewUserAsync("expired-access");

        await JwtRefusalTests.ExpectRefusedEverywhereAsync(platform, TokenForge.Expired(user.AccessToken, key), "expired");
    }

    [Fact]
    [Requirement("auth.refresh")]
    public async Task An_expired_refresh_token_answers_401()
    {
        platform.Users.RequirePassword("uses the refresh token the auth service issued to the user");
        var key = platform.RequireSigningKey("signs an expired copy of the user's refresh token");
        var user = await platform.NewUserAsync("refresh-expired");

        RefreshTests.ExpectInvalidToken(await platform.Auth.RefreshAsync(TokenForge.Expired(user.RefreshToken, key)));
    }
}

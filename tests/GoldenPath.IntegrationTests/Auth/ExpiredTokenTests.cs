using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;
using GoldenPath.IntegrationTests.WebSocket;

namespace GoldenPath.IntegrationTests.Auth;

/// <summary>
/// Expired tokens, refused everywhere a token is taken. An expired token can only be made by signing one, so these
/// need the platform's JWT key, which the suite holds for the reference stack it starts (and a deployment keeps to itself).
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "ReferenceStack")]
public sealed class ExpiredTokenTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("auth.jwt-refused", "ws.auth-failure")]
    public async Task An_expired_access_token_gets_AUTH_FAILED_and_close_1008_on_the_websocket()
    {
        var user = await platform.NewUserAsync("ws-auth-expired");

        await AuthenticationFailureTests.ExpectRefusedAsync(platform, TokenForge.Expired(user.AccessToken, platform.Stack.Tokens), "expired");
    }

    [Fact]
    [Requirement("auth.jwt-refused", "auth.validate")]
    public async Task An_expired_access_token_is_not_valid()
    {
        var user = await platform.NewUserAsync("validate-expired");

        await ValidateTests.ExpectNotValidAsync(platform, TokenForge.Expired(user.AccessToken, platform.Stack.Tokens), "expired");
    }

    [Fact]
    [Requirement("auth.refresh")]
    public async Task An_expired_refresh_token_answers_401()
    {
        platform.Users.RequirePassword("uses the refresh token the auth service issued to the user");
        var user = await platform.NewUserAsync("refresh-expired");

        RefreshTests.ExpectInvalidToken(await platform.Auth.RefreshAsync(TokenForge.Expired(user.RefreshToken, platform.Stack.Tokens)));
    }
}

using System.Net;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
public sealed class LogoutTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("auth.logout", "auth.jwt-refused")]
    public async Task Logout_answers_204_and_revokes_the_access_token()
    {
        var user = await platform.NewUserAsync("logout");

        var logout = await platform.Auth.LogoutAsync(user.AccessToken);
        logout.Status.Should().Be(HttpStatusCode.NoContent, logout.Describe("auth.logout"));

        var validated = await platform.Auth.ValidateAsync(user.AccessToken);
        validated.Boolean("auth.logout", "valid").Should().BeFalse($"a revoked token is not valid: {validated.Describe("auth.logout")}");
        var threads = await platform.Backend.ThreadsAsync(user.AccessToken);
        threads.Status.Should().Be(HttpStatusCode.Unauthorized, $"the backend refuses a revoked token too: {threads.Describe("auth.logout")}");
    }

    [Fact]
    [Requirement("auth.logout")]
    public async Task Logout_without_a_token_answers_401()
    {
        var response = await platform.Auth.LogoutAsync(null);

        response.Status.Should().Be(HttpStatusCode.Unauthorized, response.Describe("auth.logout"));
    }

    [Fact]
    [Requirement("auth.logout", "auth.jwt-refused")]
    public async Task Logout_with_a_refresh_token_answers_401()
    {
        platform.Users.RequirePassword("presents the user's refresh token where an access token is required");
        var user = await platform.NewUserAsync("logout-refresh");

        var response = await platform.Auth.LogoutAsync(user.RefreshToken);

        response.Status.Should().Be(HttpStatusCode.Unauthorized, response.Describe("auth.logout"));
    }
}

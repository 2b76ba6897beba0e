using System.Net;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
[Requirement("auth.refresh")]
public sealed class RefreshTests(PlatformFixture platform)
{
    [Fact]
    public async Task Refresh_gives_a_new_working_pair_and_spends_the_old_refresh_token()
    {
        platform.Users.RequirePassword("uses the refresh token the auth service issued to the user");
        var user = await platform.NewUserAsync("refresh");

        var refreshed = await platform.Auth.RefreshAsync(user.RefreshToken);
        refreshed.Status.Should().Be(HttpStatusCode.OK, refreshed.Describe("auth.refresh"));
        var next = TestUser.FromTokenResponse(user.Email, user.Password, refreshed);
        next.RefreshToken.Should().NotBe(user.RefreshToken, "refresh rotates the refresh token");
        var validated = await platform.Auth.ValidateAsync(next.AccessToken);
        validated.Boolean("auth.validate", "valid").Should().BeTrue(validated.Describe("auth.refresh"));

        var reused = await platform.Auth.RefreshAsync(user.RefreshToken);
        reused.Status.Should().Be(HttpStatusCode.Unauthorized, $"a refresh token is single use: {reused.Describe("auth.refresh")}");
        reused.ErrorCode.Should().Be("invalid_token", reused.Describe("auth.refresh"));
    }

    [Fact]
    public async Task An_access_token_is_not_a_refresh_token()
    {
        var user = await platform.NewUserAsync("refresh-access");

        ExpectInvalidToken(await platform.Auth.RefreshAsync(user.AccessToken));
    }

    [Fact]
    public async Task An_unknown_refresh_token_answers_401()
    {
        ExpectInvalidToken(await platform.Auth.RefreshAsync("not-a-token"));
    }

    /// <summary>§1: 401 invalid_token, for an unknown, expired, reused or access token.</summary>
    internal static void ExpectInvalidToken(ApiResponse response)
    {
        response.Status.Should().Be(HttpStatusCode.Unauthorized, response.Describe("auth.refresh"));
        response.ErrorCode.Should().Be("invalid_token", $"auth.refresh: $.error in {response.Describe()}");
    }
}

using System.Net;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.IntegrationTests.Auth;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class ValidateTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_fresh_access_token_is_valid_and_names_its_user()
    {
        var user = await platform.NewUserAsync("validate");

        var response = await platform.Auth.ValidateAsync(user.AccessToken);

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe());
        var body = response.RequireJson();
        body.GetProperty("valid").GetBoolean().Should().BeTrue(response.Describe());
        body.GetProperty("user_id").GetString().Should().Be(user.UserId);
        body.GetProperty("email").GetString().Should().Be(user.Email);
        body.GetProperty("expires_at").ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Null);
    }

    public static TheoryData<string> BadTokens => ["garbage", "wrong signature"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_not_valid(string kind)
    {
        var user = await platform.NewUserAsync("validate-bad");
        var token = kind == "garbage" ? "not.a.token" : TokenForge.WronglySigned(user.AccessToken);

        await ExpectNotValidAsync(platform, token, kind);
    }

    /// <summary>§1: 200 {valid: false, error}.</summary>
    internal static async Task ExpectNotValidAsync(PlatformFixture platform, string token, string kind)
    {
        var response = await platform.Auth.ValidateAsync(token);

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe());
        var body = response.RequireJson();
        body.GetProperty("valid").GetBoolean().Should().BeFalse($"a token with {kind} is not valid: {response.Describe()}");
        body.TryGetProperty("error", out _).Should().BeTrue($"an invalid answer says why: {response.Describe()}");
    }
}

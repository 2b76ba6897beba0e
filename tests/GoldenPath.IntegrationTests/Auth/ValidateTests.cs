using System.Net;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
public sealed class ValidateTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("auth.validate")]
    public async Task A_fresh_access_token_is_valid_and_names_its_user()
    {
        var user = await platform.NewUserAsync("validate");

        var response = await platform.Auth.ValidateAsync(user.AccessToken);

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("auth.validate"));
        response.Boolean("auth.validate", "valid").Should().BeTrue(response.Describe("auth.validate"));
        response.Text("auth.validate", "user_id").Should().Be(user.UserId, response.Describe("auth.validate"));
        response.Text("auth.validate", "email").Should().Be(user.Email, response.Describe("auth.validate"));
        response.Value("auth.validate", "expires_at").ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Null, response.Describe("auth.validate"));
    }

    public static TheoryData<string> BadTokens => ["garbage", "wrong signature"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    [Requirement("auth.validate", "auth.jwt-refused")]
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

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("auth.validate"));
        response.Boolean("auth.validate", "valid").Should().BeFalse($"a token with {kind} is not valid: {response.Describe("auth.validate")}");
        response.Value("auth.validate", "error");
    }
}

using System.Net;
using System.Text.Json;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class RegisterTests(PlatformFixture platform)
{
    [Fact]
    public async Task Register_answers_201_with_a_bearer_token_pair_and_the_user()
    {
        platform.Users.RequireRegistration("registers a new account to check the 201 answer");
        var email = $"gp-register-{Guid.NewGuid():N}@example.test";
        var response = await platform.Auth.RegisterAsync(email, "correct horse battery", "Ada");

        response.Status.Should().Be(HttpStatusCode.Created, response.Describe());
        var body = response.RequireJson();
        body.GetProperty("token_type").GetString().Should().Be("Bearer", response.Describe());
        body.GetProperty("expires_in").GetInt32().Should().BePositive(response.Describe());
        body.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        body.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        var user = body.GetProperty("user");
        user.GetProperty("id").GetString().Should().NotBeNullOrEmpty();
        user.GetProperty("email").GetString().Should().Be(email);
        user.GetProperty("name").GetString().Should().Be("Ada");
    }

    [Fact]
    public async Task Registering_an_email_twice_answers_409_user_exists()
    {
        platform.Users.RequirePassword("registers the email of an account the auth service holds again to get 409");
        var user = await platform.NewUserAsync("twice");

        var again = await platform.Auth.RegisterAsync(user.Email, "another-password-1");

        again.Status.Should().Be(HttpStatusCode.Conflict, again.Describe());
        again.ErrorCode.Should().Be("user_exists", again.Describe());
    }

    [Theory]
    [InlineData("not-an-email", "long-enough-password", "a bad email")]
    [InlineData("gp-short@example.test", "short", "a password under 8 characters")]
    [InlineData(null, "long-enough-password", "a missing email")]
    [InlineData("gp-nopass@example.test", null, "a missing password")]
    public async Task Invalid_registration_answers_422_invalid_request(string? email, string? password, string what)
    {
        var response = await platform.Auth.RegisterAsync(email!, password!);

        response.Status.Should().Be(HttpStatusCode.UnprocessableEntity, $"{what} is invalid: {response.Describe()}");
        response.ErrorCode.Should().Be("invalid_request", response.Describe());
        response.RequireJson().GetProperty("message").ValueKind.Should().Be(JsonValueKind.String, "an error body carries a message");
    }
}

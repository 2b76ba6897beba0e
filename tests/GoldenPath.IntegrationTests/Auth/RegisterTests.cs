using System.Net;
using System.Text.Json;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
public sealed class RegisterTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("auth.register", "auth.token-response")]
    public async Task Register_answers_201_with_a_bearer_token_pair_and_the_user()
    {
        platform.Users.RequireRegistration("registers a new account to check the 201 answer");
        var email = $"gp-register-{Guid.NewGuid():N}@example.test";
        var response = await platform.Auth.RegisterAsync(email, "correct horse battery", "Ada");

        response.Status.Should().Be(HttpStatusCode.Created, response.Describe());
        const string rule = "auth.token-response";
        response.Text(rule, "token_type").Should().Be("Bearer", $"{rule}: {response.Describe()}");
        response.Number(rule, "expires_in").Should().BePositive($"{rule}: {response.Describe()}");
        response.Text(rule, "access_token").Should().NotBeNullOrEmpty($"{rule}: {response.Describe()}");
        response.Text(rule, "refresh_token").Should().NotBeNullOrEmpty($"{rule}: {response.Describe()}");
        response.Text(rule, "user.id").Should().NotBeNullOrEmpty($"{rule}: {response.Describe()}");
        response.Text(rule, "user.email").Should().Be(email, $"{rule}: {response.Describe()}");
        response.Text(rule, "user.name").Should().Be("Ada", $"{rule}: {response.Describe()}");
    }

    [Fact]
    [Requirement("auth.register")]
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
    [Requirement("auth.register")]
    public async Task Invalid_registration_answers_422_invalid_request(string? email, string? password, string what)
    {
        var response = await platform.Auth.RegisterAsync(email!, password!);

        response.Status.Should().Be(HttpStatusCode.UnprocessableEntity, $"{what} is invalid: {response.Describe()}");
        response.ErrorCode.Should().Be("invalid_request", response.Describe());
        response.Text("auth.register", "message").Should().NotBeNull("an error body carries a message");
    }
}

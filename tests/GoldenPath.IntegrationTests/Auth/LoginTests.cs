using System.Net;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
[Requirement("auth.login")]
public sealed class LoginTests(PlatformFixture platform)
{
    [Fact]
    public async Task Login_with_the_right_password_answers_200_with_tokens_for_that_user()
    {
        platform.Users.RequirePassword("logs in with the user's password");
        var user = await platform.NewUserAsync("login");

        var response = await platform.Auth.LoginAsync(user.Email, user.Password);

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("auth.login"));
        response.Text("auth.login", "user.id").Should().Be(user.UserId, response.Describe("auth.login"));
        response.Text("auth.login", "access_token").Should().NotBeNullOrEmpty(response.Describe("auth.login"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401_answer()
    {
        platform.Users.RequirePassword("compares a wrong password for an existing account with an unknown email");
        var user = await platform.NewUserAsync("login-fail");

        var wrongPassword = await platform.Auth.LoginAsync(user.Email, user.Password + "-wrong");
        var unknownEmail = await platform.Auth.LoginAsync($"gp-nobody-{Guid.NewGuid():N}@example.test", user.Password);

        wrongPassword.Status.Should().Be(HttpStatusCode.Unauthorized, wrongPassword.Describe("auth.login"));
        wrongPassword.ErrorCode.Should().Be("invalid_credentials", wrongPassword.Describe("auth.login"));
        unknownEmail.Status.Should().Be(HttpStatusCode.Unauthorized, unknownEmail.Describe("auth.login"));
        // "The same answer" (PROTOCOL §1): status, error code and message; a body may carry more fields (a request id) that differ.
        unknownEmail.ErrorCode.Should().Be(wrongPassword.ErrorCode, $"an unknown email must not be told apart from a wrong password: {unknownEmail.Describe("auth.login")}");
        unknownEmail.Text("auth.login", "message").Should().Be(wrongPassword.Text("auth.login", "message"),
            $"an unknown email must not be told apart from a wrong password: {unknownEmail.Describe("auth.login")}");
    }

    [Fact]
    public async Task Login_without_a_password_answers_422()
    {
        var response = await platform.Auth.LoginAsync("gp-someone@example.test", null!);

        response.Status.Should().Be(HttpStatusCode.UnprocessableEntity, response.Describe("auth.login"));
        // PROTOCOL §1 names the 422 for login but no code: any error code will do.
        response.ErrorCode.Should().NotBeNullOrEmpty(response.Describe("auth.login"));
    }
}

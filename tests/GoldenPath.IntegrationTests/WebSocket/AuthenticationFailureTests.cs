using System.Net.WebSockets;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.WebSocket;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class AuthenticationFailureTests(PlatformFixture platform)
{
    public static TheoryData<string> BadTokens => ["missing", "malformed", "expired", "wrong signature", "refresh token", "revoked"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_AUTH_FAILED_and_close_1008(string kind)
    {
        if (kind == "refresh token")
        {
            platform.Users.RequirePassword("presents the user's refresh token as a WebSocket token");
        }

        var user = await platform.NewUserAsync("ws-auth");
        var token = kind switch
        {
            "missing" => null,
            "malformed" => "this-is-not-a-jwt",
            "expired" => TokenForge.Expired(user.AccessToken, platform.Stack.Tokens),
            "wrong signature" => TokenForge.WronglySigned(user.AccessToken),
            "refresh token" => user.RefreshToken,
            _ => user.AccessToken,
        };
        if (kind == "revoked")
        {
            var logout = await platform.Auth.LogoutAsync(user.AccessToken);
            logout.Status.Should().Be(System.Net.HttpStatusCode.NoContent, logout.Describe());
        }

        await using var socket = await PlatformSocket.OpenAsync(platform.Stack.Endpoints.WebSocket, token, TokenTransport.Subprotocol, $"ws-auth-{kind}", platform.Environment.Budgets.Connect);
        var close = await socket.Recorder.WaitForCloseAsync(platform.Environment.Budgets.Reply);

        close.Status.Should().Be(WebSocketCloseStatus.PolicyViolation, $"a {kind} token closes with 1008{Environment.NewLine}{socket.Recorder.Transcript()}");
        var error = socket.Recorder.Frames.Should().ContainSingle(f => f.Type == "error", socket.Recorder.Transcript()).Subject;
        error.String("error_code").Should().Be("AUTH_FAILED", socket.Recorder.Transcript());
        error.String("message").Should().NotBeNullOrEmpty(socket.Recorder.Transcript());
        socket.Recorder.Frames.Should().NotContain(f => f.Type == "connection_established", socket.Recorder.Transcript());
    }
}

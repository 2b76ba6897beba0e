using System.Net.WebSockets;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.WebSocket;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class AuthenticationFailureTests(PlatformFixture platform)
{
    public static TheoryData<string> BadTokens => ["missing", "malformed", "wrong signature", "refresh token", "revoked"];

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
            "wrong signature" => TokenForge.WronglySigned(user.AccessToken),
            "refresh token" => user.RefreshToken,
            _ => user.AccessToken,
        };
        if (kind == "revoked")
        {
            var logout = await platform.Auth.LogoutAsync(user.AccessToken);
            logout.Status.Should().Be(System.Net.HttpStatusCode.NoContent, logout.Describe());
        }

        await ExpectRefusedAsync(platform, token, kind);
    }

    /// <summary>§3.1: an error frame AUTH_FAILED, then close 1008; a connection that is established instead fails at once.</summary>
    internal static async Task ExpectRefusedAsync(PlatformFixture platform, string? token, string kind)
    {
        await using var socket = await PlatformSocket.OpenAsync(platform.Stack.Endpoints.WebSocket, token, TokenTransport.Subprotocol, $"ws-auth-{kind}", platform.Environment.Budgets.Connect);
        var established = socket.Recorder.TryWaitForAsync(f => f.Type == "connection_established", platform.Environment.Budgets.Reply);
        await Task.WhenAny(socket.Recorder.Closed, established);
        if (established.IsCompleted && established.Result is { } accepted)
        {
            throw new GoldenPathException($"a {kind} token was accepted: frame #{accepted.Index} is connection_established, where PROTOCOL.md §3 wants AUTH_FAILED and close 1008" +
                                          $"{Environment.NewLine}{socket.Recorder.Transcript()}");
        }

        var close = await socket.Recorder.WaitForCloseAsync(platform.Environment.Budgets.Reply);

        close.Status.Should().Be(WebSocketCloseStatus.PolicyViolation, $"a {kind} token closes with 1008{Environment.NewLine}{socket.Recorder.Transcript()}");
        var error = socket.Recorder.Frames.Should().ContainSingle(f => f.Type == "error", socket.Recorder.Transcript()).Subject;
        error.String("error_code").Should().Be("AUTH_FAILED", socket.Recorder.Transcript());
        error.String("message").Should().NotBeNullOrEmpty(socket.Recorder.Transcript());
    }
}

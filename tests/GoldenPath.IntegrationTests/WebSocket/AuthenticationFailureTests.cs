using System.Net.WebSockets;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.WebSocket;

[Integration]
[Conformance]
public sealed class AuthenticationFailureTests(PlatformFixture platform)
{
    public static TheoryData<string> BadTokens => ["missing", "malformed", "wrong signature", "refresh token", "revoked"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    [Requirement("ws.auth-failure", "auth.jwt-refused")]
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

    /// <summary>
    /// §3.1: an error frame AUTH_FAILED, then close 1008; a connection that is established instead fails at once. A failure
    /// starts with <paramref name="rule"/> (the §7 id the calling spec checks) and names the frame or the close.
    /// </summary>
    internal static async Task ExpectRefusedAsync(PlatformFixture platform, string? token, string kind, string rule = "ws.auth-failure")
    {
        await using var socket = await PlatformSocket.OpenAsync(platform.Stack.Endpoints.WebSocket, token, TokenTransport.Subprotocol, $"ws-auth-{kind}", platform.Environment.Budgets.Connect);
        var recorder = socket.Recorder;
        var established = recorder.TryWaitForAsync(f => f.Type == "connection_established", platform.Environment.Budgets.Reply);
        await Task.WhenAny(recorder.Closed, established);
        if (established.IsCompleted && established.Result is { } accepted)
        {
            throw new GoldenPathException($"{rule}: the token ({kind}) was accepted: frame #{accepted.Index} is connection_established, where PROTOCOL.md §3 wants AUTH_FAILED and close 1008" +
                                          $"{Environment.NewLine}{recorder.Transcript()}");
        }

        var close = await recorder.WaitForCloseAsync(platform.Environment.Budgets.Reply);
        if (close.Status != WebSocketCloseStatus.PolicyViolation)
        {
            throw new GoldenPathException($"{rule}: the token ({kind}): the connection closed {close}, not with 1008{Environment.NewLine}{recorder.Transcript()}");
        }

        var errors = recorder.Frames.Where(f => f.Type == "error").ToArray();
        if (errors.Length != 1)
        {
            throw new GoldenPathException($"{rule}: the token ({kind}): {errors.Length} error frames came before the close 1008, where PROTOCOL.md §3 wants one, AUTH_FAILED{Environment.NewLine}{recorder.Transcript()}");
        }

        var error = errors[0];
        if (error.String("error_code") != "AUTH_FAILED")
        {
            throw new GoldenPathException($"{rule}: the token ({kind}): frame #{error.Index} (error) has error_code {error.String("error_code") ?? "missing"}, not AUTH_FAILED{Environment.NewLine}{recorder.Transcript()}");
        }

        if (string.IsNullOrEmpty(error.String("message")))
        {
            throw new GoldenPathException($"{rule}: the token ({kind}): frame #{error.Index} (error) has no message{Environment.NewLine}{recorder.Transcript()}");
        }
    }
}

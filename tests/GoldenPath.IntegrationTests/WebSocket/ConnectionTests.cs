using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

[Integration]
[Conformance]
public sealed class ConnectionTests(PlatformFixture platform)
{
    [Theory]
    [InlineData(TokenTransport.Subprotocol)]
    [InlineData(TokenTransport.BearerHeader)]
    [Requirement("ws.welcome", "ws.token")]
    public async Task An_authenticated_connection_starts_with_connection_established(TokenTransport transport)
    {
        var user = await platform.NewUserAsync("connect");

        await using var socket = await platform.ConnectAsync(user, $"connect-{transport}", transport);

        var first = socket.Recorder.Frames[0];
        var welcome = platform.Environment.Dialect.Welcome;
        first.Type.Should().Be("connection_established", $"ws.welcome: the first frame is the welcome ({welcome.Type}){Environment.NewLine}{socket.Recorder.Transcript()}");
        first.String("connection_id").Should().NotBeNullOrEmpty($"ws.welcome: connection_id at {Fixtures.Dialects.WirePath.Display(welcome.Fields["connection_id"] ?? "connection_id")}{Environment.NewLine}{socket.Recorder.Transcript()}");
        if (first.Event!.IsAbsent("user_id"))
        {
            Fixtures.Dialects.DialectNote.NotCheckable(platform.Environment.Dialect, "ws.welcome", $"{welcome.Type} carries no user_id to compare with the connecting user");
        }
        else
        {
            first.String("user_id").Should().Be(user.UserId, $"ws.welcome: user_id is the connecting user's{Environment.NewLine}{socket.Recorder.Transcript()}");
        }

        if (first.Event.IsAbsent("server_time"))
        {
            Fixtures.Dialects.DialectNote.NotCheckable(platform.Environment.Dialect, "ws.welcome", $"{welcome.Type} carries no server_time");
        }
        else
        {
            DateTimeOffset.TryParse(first.String("server_time"), out _).Should().BeTrue($"ws.welcome: server_time is a timestamp: {first.Raw}");
        }
    }

    [Fact]
    [Requirement("ws.token")]
    public async Task The_server_echoes_the_jwt_subprotocol()
    {
        var user = await platform.NewUserAsync("subprotocol");

        await using var socket = await platform.ConnectAsync(user, "subprotocol");

        socket.Subprotocol.Should().Be("jwt." + user.AccessToken, "ws.token: the server echoes the jwt subprotocol; browsers drop a connection whose chosen subprotocol is not echoed");
    }

    [Fact]
    [Requirement("ws.endpoint")]
    public async Task The_alias_route_serves_the_same_endpoint()
    {
        var user = await platform.NewUserAsync("alias");
        // The alias beside /ws, under whatever path prefix the deployment serves /ws at.
        var endpoint = platform.Stack.Endpoints.WebSocket;
        var prefix = endpoint.AbsolutePath.EndsWith("/ws", StringComparison.Ordinal) ? endpoint.AbsolutePath[..^"/ws".Length] : string.Empty;
        var alias = new UriBuilder(endpoint) { Path = prefix + "/api/v1/websocket" }.Uri;

        await using var socket = await PlatformSocket.ConnectAsync(alias, user, "alias", platform.Environment.Budgets.Connect);

        socket.Recorder.Frames[0].Type.Should().Be("connection_established", $"ws.endpoint: {alias} serves as /ws does{Environment.NewLine}{socket.Recorder.Transcript()}");
    }

    [Fact]
    [Requirement("ws.ping")]
    public async Task Ping_is_answered_with_pong()
    {
        var user = await platform.NewUserAsync("ping");
        await using var socket = await platform.ConnectAsync(user, "ping");

        await socket.SendAsync(new { type = "ping" });

        await socket.Recorder.WaitForAsync(f => f.Type == "pong", platform.Environment.Budgets.Reply, "pong (ws.ping)");
    }
}

using System.Net.WebSockets;
using GoldenPath.Backend.Events;

namespace GoldenPath.Backend.WebSockets;

public static class WebSocketEndpoint
{
    public static void MapChatWebSocket(this WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/ws", HandleAsync);
        app.Map("/api/v1/websocket", HandleAsync);

        var readiness = app.Services.GetRequiredService<BackendReadiness>();
        var connections = app.Services.GetRequiredService<ConnectionRegistry>();
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            readiness.MarkStopping();
            connections.CloseAll(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        });
    }

    private static async Task HandleAsync(HttpContext context, WebSocketSession session, Faults.RunFaults faults)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var token = WebSocketToken.From(context);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(faults.EchoesSubprotocol ? token.SubProtocol : null);
        await session.RunAsync(socket, token.Token, context.RequestAborted);
    }
}

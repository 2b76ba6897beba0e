using System.Net.WebSockets;
using GoldenPath.Backend.Events;
using GoldenPath.Backend.Faults;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Faults;
using GoldenPath.Platform.Common.Ids;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.Backend.WebSockets;

/// <summary>The life of one accepted WebSocket: readiness, authentication, then frames until either side closes.</summary>
public sealed class WebSocketSession(
    BackendReadiness readiness,
    AccessTokenAuthenticator authenticator,
    ConnectionRegistry connections,
    ClientMessageDispatcher dispatcher,
    TimeProvider clock,
    FaultSwitches faults,
    RunFaults runFaults,
    IdGenerator ids,
    PlatformVariant variant,
    IFrameFormat frames,
    ILogger<WebSocketSession> logger)
{
    public const int MaxMessageBytes = 64 * 1024;
    private static readonly TimeSpan WriterDrainTimeout = TimeSpan.FromSeconds(2);

    public async Task RunAsync(WebSocket socket, string? token, CancellationToken aborted)
    {
        var connection = new ClientConnection(socket, await ids.NextAsync(IdKind.Connection, aborted));
        try
        {
            var userId = await OpenAsync(connection, token);
            if (userId is null)
            {
                await ReceiveUntilClosedAsync(socket, connection, onMessage: null, aborted);
                return;
            }

            connections.Add(userId, connection);
            try
            {
                await ReceiveUntilClosedAsync(socket, connection, payload => dispatcher.DispatchAsync(connection, userId, payload, aborted), aborted);
            }
            finally
            {
                connections.Remove(userId, connection);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer vanished, or never answered our close frame.
        }
        finally
        {
            connection.Close(WebSocketCloseStatus.NormalClosure, "");
            await connection.Completion.WaitAsync(WriterDrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            logger.LogInformation("Connection {ConnectionId} ended ({State}, close status {Status})", connection.Id, socket.State, socket.CloseStatus);
        }
    }

    /// <returns>The user, or null when the connection was refused (its close frame is queued).</returns>
    private async Task<string?> OpenAsync(ClientConnection connection, string? token)
    {
        if (!readiness.IsReady || faults.IsOn(FaultSwitches.WebSocket1011))
        {
            connection.Close(WebSocketCloseStatus.InternalServerError, "not ready");
            return null;
        }

        var validation = await authenticator.AuthenticateAsync(token);
        if (validation.Claims is not { } claims)
        {
            connection.Send(frames.AuthFailed(validation.Error!));
            connection.Close(runFaults.AuthFailureClose, "authentication failed");
            return null;
        }

        var now = clock.GetUtcNow();
        if (!runFaults.OmitsWelcome)
        {
            connection.Send(frames.Welcome(connection.Id, claims.UserId, now));
        }
        if (variant.IsRelaxed)
        {
            connection.Send(new HeartbeatFrame(variant.Timestamp(now), ConnectionId: connection.Id));
        }

        logger.LogInformation("Connection {ConnectionId} opened for user {UserId}", connection.Id, claims.UserId);
        return claims.UserId;
    }

    /// <summary>
    /// Reads until the peer's close frame. Once a close of ours is queued, further messages are read
    /// and dropped, so the peer's close can still arrive; after a grace period reading is abandoned.
    /// </summary>
    private async Task ReceiveUntilClosedAsync(
        WebSocket socket, ClientConnection connection, Func<ReadOnlyMemory<byte>, Task>? onMessage, CancellationToken aborted)
    {
        var limit = runFaults.MaxMessageBytes(MaxMessageBytes);
        var reader = new WebSocketMessageReader(socket, limit);
        using var receiveCancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted, connection.CloseHandshakeExpired);
        while (true)
        {
            var received = await reader.ReceiveAsync(receiveCancellation.Token);
            if (received.Kind == ReceivedKind.Closed)
            {
                connection.Close(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "");
                return;
            }

            if (connection.IsClosing || onMessage is null)
            {
                continue;
            }

            if (received.Kind == ReceivedKind.TooBig)
            {
                connection.Close(WebSocketCloseStatus.MessageTooBig, $"message exceeds {limit} bytes");
                continue;
            }

            try
            {
                await onMessage(received.Payload);
            }
            catch (Exception ex) when (ex is not (WebSocketException or OperationCanceledException))
            {
                logger.LogError(ex, "Connection {ConnectionId}: handling a message failed", connection.Id);
                connection.Close(WebSocketCloseStatus.InternalServerError, "internal error");
            }
        }
    }
}

using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using GoldenPath.Platform.Common.Json;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// The sending side of one WebSocket. A WebSocket allows one send at a time, and frames come from
/// the receive loop, the event subscription and shutdown alike: they all queue here, and a single
/// writer sends them in order. A close frame is the last thing the writer sends.
/// </summary>
public sealed class ClientConnection
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket socket;
    private readonly Channel<OutboundFrame> outbox = Channel.CreateUnbounded<OutboundFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource closeHandshake = new();
    private int closing;

    public ClientConnection(WebSocket socket, string id)
    {
        this.socket = socket;
        Id = id;
        Completion = WriteAsync();
    }

    public string Id { get; }

    public bool IsClosing => Volatile.Read(ref closing) == 1;

    /// <summary>Cancelled when the peer has had long enough to answer our close frame.</summary>
    public CancellationToken CloseHandshakeExpired => closeHandshake.Token;

    /// <summary>Completes once the writer has stopped (after the close frame, or when the socket broke).</summary>
    public Task Completion { get; }

    public void Send(byte[] utf8Json) => outbox.Writer.TryWrite(new OutboundFrame(utf8Json, null, null));

    public void Send<TFrame>(TFrame frame) => Send(JsonSerializer.SerializeToUtf8Bytes(frame, PlatformJson.Options));

    /// <summary>Queues a close frame after what is already queued; later calls are ignored.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        outbox.Writer.TryWrite(new OutboundFrame(null, status, description));
        outbox.Writer.TryComplete();
        closeHandshake.CancelAfter(CloseHandshakeTimeout);
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync())
            {
                if (frame.CloseStatus is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(status, frame.CloseDescription, CancellationToken.None);
                    }

                    return;
                }

                await socket.SendAsync(frame.Payload.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer is gone; the receive loop notices and ends the session.
        }
        finally
        {
            outbox.Writer.TryComplete();
        }
    }

    private readonly record struct OutboundFrame(byte[]? Payload, WebSocketCloseStatus? CloseStatus, string? CloseDescription);
}

using System.Buffers;
using System.Net.WebSockets;

namespace GoldenPath.Backend.WebSockets;

public enum ReceivedKind
{
    Message,
    TooBig,
    Closed,
}

/// <param name="Payload">The whole message (valid until the next receive) when <see cref="Kind"/> is Message.</param>
public readonly record struct ReceivedMessage(ReceivedKind Kind, ReadOnlyMemory<byte> Payload);

/// <summary>Assembles messages from their frames, refusing one that grows past <paramref name="maxBytes"/>.</summary>
public sealed class WebSocketMessageReader(WebSocket socket, int maxBytes)
{
    private readonly byte[] chunk = new byte[8192];
    private readonly ArrayBufferWriter<byte> message = new();

    public async Task<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new ReceivedMessage(ReceivedKind.Closed, default);
            }

            if (message.WrittenCount + result.Count > maxBytes)
            {
                return new ReceivedMessage(ReceivedKind.TooBig, default);
            }

            message.Write(chunk.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return new ReceivedMessage(ReceivedKind.Message, message.WrittenMemory);
            }
        }
    }
}

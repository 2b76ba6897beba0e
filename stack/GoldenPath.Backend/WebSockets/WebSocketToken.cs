using GoldenPath.Platform.Common.Http;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// Where a WebSocket client puts its access token: the subprotocol <c>jwt.&lt;token&gt;</c> (browsers
/// cannot set headers) or <c>Authorization: Bearer</c>. An offered jwt subprotocol must be echoed,
/// or the client refuses the handshake.
/// </summary>
public sealed record WebSocketToken(string? Token, string? SubProtocol)
{
    private const string SubProtocolPrefix = "jwt.";

    public static WebSocketToken From(HttpContext context)
    {
        var subProtocol = context.WebSockets.WebSocketRequestedProtocols
            .FirstOrDefault(protocol => protocol.StartsWith(SubProtocolPrefix, StringComparison.Ordinal));
        return subProtocol is null
            ? new WebSocketToken(BearerToken.From(context.Request), null)
            : new WebSocketToken(subProtocol[SubProtocolPrefix.Length..], subProtocol);
    }
}

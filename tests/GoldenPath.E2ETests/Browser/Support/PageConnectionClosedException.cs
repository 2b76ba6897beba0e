using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>The page's WebSocket closed (or never opened) and the page said so; <see cref="CloseCode"/> is the code it showed.</summary>
public sealed class PageConnectionClosedException(int? closeCode, string pageMessage, string message) : GoldenPathException(message)
{
    /// <summary>The close code the page showed; null when the page gave up without one (no answer to the handshake).</summary>
    public int? CloseCode { get; } = closeCode;

    /// <summary>What the page shows the person.</summary>
    public string PageMessage { get; } = pageMessage;
}

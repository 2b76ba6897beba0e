using System.Collections.Concurrent;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Recording;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>What the page said while the spec ran: console messages, uncaught errors, failed requests; saved on failure.</summary>
public sealed class PageConsoleLog
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TimeSpan startedAt = MonotonicClock.Now;

    public PageConsoleLog(IPage page)
    {
        page.Console += (_, message) => Add($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => Add($"[pageerror] {error}");
        page.RequestFailed += (_, request) => Add($"[requestfailed] {request.Method} {request.Url}: {request.Failure}");
        page.WebSocket += (_, socket) => Add($"[websocket] opened {socket.Url}");
    }

    /// <summary>The lines with their times since the page opened; secrets masked.</summary>
    public string Text => SecretMasker.Apply(lines.IsEmpty ? "(the page logged nothing)" : string.Join(Environment.NewLine, lines)) + Environment.NewLine;

    private void Add(string line) => lines.Enqueue($"+{(MonotonicClock.Now - startedAt).TotalSeconds:0.000}s {line}");
}

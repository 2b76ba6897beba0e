using System.Net.WebSockets;
using GoldenPath.Fixtures.Recording;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// One WebSocket the page opened, its frames in <see cref="Recorder"/>. Playwright reports that a socket
/// closed but not its close code; the page shows the code, and <see cref="RecordClose"/> puts it in the recorder.
/// </summary>
public sealed class CapturedSocket(string url, EventRecorder recorder)
{
    private readonly TaskCompletionSource closedByBrowser = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url { get; } = url;

    public EventRecorder Recorder { get; } = recorder;

    /// <summary>Completes when the browser reports the socket closed.</summary>
    public Task ClosedByBrowser => closedByBrowser.Task;

    /// <summary>The browser's error on this socket, if it reported one.</summary>
    public string? Error { get; private set; }

    internal void MarkClosed() => closedByBrowser.TrySetResult();

    internal void MarkError(string error) => Error = error;

    /// <summary>The close as the page showed it (code and its text), so the transcript ends with it.</summary>
    public void RecordClose(int? code, string description) =>
        Recorder.RecordClose(code is { } c ? (WebSocketCloseStatus)c : null, description, null);
}

using System.Text;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Recording;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// Every WebSocket the page opens, with each frame both ways fed into an <see cref="EventRecorder"/>
/// (Playwright's WebSocket API), so the page's traffic is checked with the same assertions as the API specs.
/// </summary>
public sealed class PageSocketCapture
{
    private readonly object gate = new();
    private readonly List<CapturedSocket> sockets = [];
    private readonly string label;
    private readonly string? testId = ConnectionGuard.CurrentTest;
    private string? recipientUserId;

    public PageSocketCapture(IPage page, string label)
    {
        this.label = label;
        page.WebSocket += OnWebSocket;
    }

    /// <summary>The user logged in on this page: every event a socket of it receives must carry this user_id.</summary>
    public string? RecipientUserId
    {
        get => recipientUserId;
        set
        {
            lock (gate)
            {
                recipientUserId = value;
                sockets.ForEach(s => s.Recorder.RecipientUserId = value);
            }
        }
    }

    public IReadOnlyList<CapturedSocket> Sockets
    {
        get
        {
            lock (gate)
            {
                return sockets.ToArray();
            }
        }
    }

    /// <summary>The socket the page opened last (after a reload, the new one).</summary>
    public CapturedSocket? Latest
    {
        get
        {
            lock (gate)
            {
                return sockets.LastOrDefault();
            }
        }
    }

    public IReadOnlyList<EventRecorder> Recorders => Sockets.Select(s => s.Recorder).ToArray();

    /// <summary>The transcripts of every socket, for failure messages.</summary>
    public string Transcripts() => Sockets.Count == 0
        ? $"[{label}] the page opened no WebSocket"
        : string.Join(Environment.NewLine, Sockets.Select(s => s.Recorder.Transcript()));

    private void OnWebSocket(object? sender, IWebSocket socket)
    {
        CapturedSocket captured;
        lock (gate)
        {
            captured = new CapturedSocket(socket.Url, new EventRecorder($"{label}/ws-{sockets.Count + 1}", recipientUserId));
            sockets.Add(captured);
            ConnectionGuard.Track(captured.Recorder, testId);
        }

        socket.FrameReceived += (_, frame) => captured.Recorder.Record(TextOf(frame));
        socket.FrameSent += (_, frame) => captured.Recorder.RecordSent(TextOf(frame));
        socket.SocketError += (_, error) => captured.MarkError(error);
        socket.Close += (_, _) => captured.MarkClosed();
    }

    private static string TextOf(IWebSocketFrame frame) => frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []);
}

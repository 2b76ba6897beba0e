using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Stack;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// The backend's chat page as a spec drives it, through its data-testid attributes. Every wait has a
/// deadline from the environment (its budgets, or browser.actionTimeoutSeconds) and, when it runs out or the
/// page shows a connection error, fails with what the page shows and the transcript of its WebSockets.
/// </summary>
public sealed class ChatPage(BrowserSession session, GoldenPathEnvironment environment)
{
    public IPage Page => session.Page;

    public PageSocketCapture Sockets => session.Sockets;

    public string Label => session.Label;

    /// <summary>The deadline of one action or expectation, in Playwright's milliseconds.</summary>
    public float Timeout => (float)environment.Browser.ActionTimeout.TotalMilliseconds;

    public ILocator ChatView => Page.GetByTestId("chat-view");

    public ILocator LoginError => Page.GetByTestId("login-error");

    public ILocator ConnectionError => Page.GetByTestId("connection-error");

    public ILocator Connected => Page.Locator("[data-testid='connection-status'][data-state='connected']");

    public ILocator TimelineItems => Page.GetByTestId("timeline-item");

    public ILocator Answer => Page.GetByTestId("answer");

    public ILocator ThreadItems => Page.GetByTestId("thread-item");

    public ILocator Messages => Page.GetByTestId("message");

    /// <summary>
    /// Opens the page at <paramref name="endpoints"/>' frontend (endpoints.frontend), else at the backend's own page,
    /// telling it where the auth service is (?auth=; see docs/page-contract.md).
    /// </summary>
    public async Task OpenAsync(StackEndpoints endpoints)
    {
        await Page.GotoAsync(PageUrl(endpoints).ToString()).ConfigureAwait(false);
    }

    /// <summary>The page's URL: its own path and query kept, plus auth=&lt;the auth service's URL&gt;.</summary>
    public static Uri PageUrl(StackEndpoints endpoints)
    {
        var auth = endpoints.Auth.ToString().TrimEnd('/');
        var page = new UriBuilder(endpoints.ChatPage);
        var query = page.Query.TrimStart('?');
        page.Query = (query.Length > 0 ? query + "&" : string.Empty) + "auth=" + Uri.EscapeDataString(auth);
        return page.Uri;
    }

    /// <summary>Logs in through the form; every socket the page opens from now on belongs to <paramref name="user"/>.</summary>
    public async Task LogInAsync(TestUser user)
    {
        Sockets.RecipientUserId = user.UserId;
        await Page.GetByTestId("email").FillAsync(user.Email).ConfigureAwait(false);
        await Page.GetByTestId("password").FillAsync(user.Password).ConfigureAwait(false);
        await Page.GetByTestId("login").ClickAsync().ConfigureAwait(false);
        await WaitForAsync(ChatView.Or(LoginError), environment.Browser.ActionTimeout, "the chat view or a login error").ConfigureAwait(false);
        if (await LoginError.IsVisibleAsync().ConfigureAwait(false))
        {
            throw new GoldenPathException($"[{Label}] the page refused to log in {user}: \"{await LoginError.InnerTextAsync().ConfigureAwait(false)}\"");
        }
    }

    /// <summary>Waits for the page to show "connected", failing with the close code and message it shows instead.</summary>
    public async Task WaitUntilConnectedAsync()
    {
        await WaitForAsync(Connected.Or(ConnectionError), environment.Budgets.Connect, "the connection status 'connected' or a connection error").ConfigureAwait(false);
        if (await ConnectionError.IsVisibleAsync().ConfigureAwait(false))
        {
            throw await ConnectionFailureAsync("connecting").ConfigureAwait(false);
        }
    }

    /// <summary>Types <paramref name="question"/>, sends it, waits for the answer, and returns the run as the page's WebSocket saw it.</summary>
    public async Task<BrowserRun> AskAsync(string question)
    {
        var socket = Sockets.Latest ?? throw new GoldenPathException($"[{Label}] the page opened no WebSocket to ask on");
        await Page.GetByTestId("message-input").FillAsync(question).ConfigureAwait(false);
        await Page.GetByTestId("send").ClickAsync().ConfigureAwait(false);

        var budgets = environment.Budgets;
        await WaitForAsync(Answer.Or(ConnectionError), budgets.Completion, $"an answer to '{question}' or a connection error").ConfigureAwait(false);
        if (await ConnectionError.IsVisibleAsync().ConfigureAwait(false))
        {
            throw await ConnectionFailureAsync("waiting for the answer").ConfigureAwait(false);
        }

        var runId = await Answer.GetAttributeAsync("data-run-id").ConfigureAwait(false)
            ?? throw new GoldenPathException($"[{Label}] the page shows an answer without the run it belongs to (data-run-id){Environment.NewLine}{Sockets.Transcripts()}");
        return await RunFromFramesAsync(socket, runId, budgets).ConfigureAwait(false);
    }

    public async Task ReloadAsync() => await Page.ReloadAsync().ConfigureAwait(false);

    /// <summary>
    /// True when an element carries <paramref name="id"/> where the page contract puts ids (data-thread-id, data-run-id):
    /// ids are opaque and may be "2", which any page has in its markup elsewhere (rows="2").
    /// </summary>
    public async Task<bool> ShowsIdAsync(string id) =>
        await Page.EvaluateAsync<bool>(
            "id => [...document.querySelectorAll('[data-thread-id], [data-run-id]')].some(e => e.dataset.threadId === id || e.dataset.runId === id)",
            id).ConfigureAwait(false);

    /// <summary>The data-event-type of every timeline item, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> TimelineEventTypesAsync() =>
        await TimelineItems.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.eventType)").ConfigureAwait(false);

    // The page showed the answer; the run is read from the frames, which Playwright may report a moment later.
    private static async Task<BrowserRun> RunFromFramesAsync(CapturedSocket socket, string runId, BudgetSettings budgets)
    {
        var recorder = socket.Recorder;
        var terminal = await recorder.WaitForAsync(f => f.RunId == runId && f.Event!.IsTerminal, budgets.Completion,
            $"the terminal event of run {runId}, which the page already shows").ConfigureAwait(false);
        if (recorder.RecipientUserId is { } me && recorder.EventsOf(runId).FirstOrDefault(f => f.Event!.UserId != me && !f.Event.IsAbsent("user_id")) is { } foreign)
        {
            throw new GoldenPathException($"{JourneyRules.Isolation}: [{recorder.Label}] the page shows run {runId}, whose events are addressed to user '{foreign.Event!.UserId}', " +
                                          $"not to this page's user '{me}'{Environment.NewLine}{recorder.Transcript()}");
        }

        // A dialect without an ack (PROTOCOL.md §6): the page's run is the first run after its last user_message, its thread the first event's that carries one.
        if (recorder.Dialect.Ack is null)
        {
            var events = recorder.EventsOf(runId);
            var sentAt = recorder.Sent.LastOrDefault(f => f.At <= events[0].At)?.At;
            var thread = events.Select(f => f.Event!.ThreadId).FirstOrDefault(t => t is not null) ?? string.Empty;
            return new BrowserRun(new AgentRun(runId, thread, null, events, terminal, sentAt), socket);
        }

        var ack = recorder.Frames.FirstOrDefault(f => f.Type == "message_ack" && f.RunId == runId)
            ?? throw new GoldenPathException($"{RunRules.AckFirst}: [{recorder.Label}] the page shows run {runId}, but its socket received no message_ack for it{Environment.NewLine}{recorder.Transcript()}");
        var messageId = ack.String("message_id");
        var sent = recorder.Sent.LastOrDefault(f => f.Json?.TryGetProperty("message_id", out var id) == true && id.GetString() == messageId);
        var threadId = terminal.Event!.ThreadId ?? ack.String("thread_id") ?? string.Empty;
        return new BrowserRun(new AgentRun(runId, threadId, ack, recorder.EventsOf(runId), terminal, sent?.At), socket);
    }

    private async Task WaitForAsync(ILocator either, TimeSpan timeout, string what)
    {
        try
        {
            // The first visible one: First alone would take the first in document order, shown or not.
            await either.Filter(new LocatorFilterOptions { Visible = true }).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
        {
            var closed = Sockets.Latest is { ClosedByBrowser.IsCompleted: true } ? " The browser reports the WebSocket closed, yet the page shows no error: it hangs." : string.Empty;
            throw new GoldenPathException($"[{Label}] waited {timeout.TotalSeconds:0.#} s for {what}; the page showed neither ({e.Message.Split('\n')[0]}).{closed} " +
                $"Status: {await StatusTextAsync().ConfigureAwait(false)}; timeline: [{string.Join(", ", await TimelineEventTypesAsync().ConfigureAwait(false))}]" +
                $"{Environment.NewLine}{Sockets.Transcripts()}");
        }
    }

    private async Task<string> StatusTextAsync() =>
        (await Page.GetByTestId("connection-status").InnerTextAsync(new LocatorInnerTextOptions { Timeout = Timeout }).ConfigureAwait(false)).Trim();

    private async Task<PageConnectionClosedException> ConnectionFailureAsync(string during)
    {
        var text = (await Page.GetByTestId("connection-error-text").InnerTextAsync().ConfigureAwait(false)).Trim();
        int? code = int.TryParse(await ConnectionError.GetAttributeAsync("data-close-code").ConfigureAwait(false), out var c) ? c : null;
        var socket = Sockets.Latest;
        socket?.RecordClose(code, text);
        var hint = code == 1008
            ? " A 1008 after a fresh login points at a JWT secret, issuer or audience mismatch between the auth service and this backend."
            : string.Empty;
        return new PageConnectionClosedException(code, text,
            $"[{Label}] while {during}, the page's WebSocket {socket?.Url} closed {(code is null ? "without a close code" : $"with {code}")}; " +
            $"the page shows: \"{text}\".{hint}{Environment.NewLine}{Sockets.Transcripts()}");
    }
}

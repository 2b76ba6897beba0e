using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Platform.Common.Faults;

/// <summary>
/// Faults a service can be started with (GOLDENPATH_FAULTS=ws-404,health-503,...), so the suite can
/// prove that its preflight diagnoses each way a deployment breaks, and faults switched while it runs
/// (GOLDENPATH_FAULTS_FILE, <see cref="FaultsFile"/>). Empty in normal operation.
/// </summary>
public sealed record FaultSwitches(IReadOnlySet<string> Active, TimeSpan HandshakeDelay, int LeakEvery = 1)
{
    public const string Variable = "GOLDENPATH_FAULTS";

    public const string FileVariable = "GOLDENPATH_FAULTS_FILE";

    /// <summary>GET /health answers 503 naming a failing dependency.</summary>
    public const string Health503 = "health-503";

    /// <summary>The WebSocket routes answer 404, as behind a proxy that does not route them.</summary>
    public const string WebSocket404 = "ws-404";

    /// <summary>The WebSocket upgrade is held for GOLDENPATH_FAULT_DELAY_SECONDS (default 30) before it is answered.</summary>
    public const string HandshakeDelayFault = "handshake-delay";

    /// <summary>Tokens are signed/validated with a key other than JWT_SECRET_KEY, as when auth and backend disagree.</summary>
    public const string JwtMismatch = "jwt-mismatch";

    /// <summary>The backend never becomes ready: /health/ready answers 503 and WebSockets close with 1011.</summary>
    public const string NotReady = "not-ready";

    /// <summary>(backend) /health/ready says ready, but every WebSocket is closed with 1011: a readiness check that does not look deep enough.</summary>
    public const string WebSocket1011 = "ws-1011";

    // Event-stream faults of the backend, each breaking one rule of PROTOCOL §2–§4 (stack/README.md says which);
    // GoldenPath.Backend's RunFaults decides what each one does. The auth service ignores them.
    public const string RunNoStarted = "run-no-started";
    public const string RunDoubleStarted = "run-double-started";
    public const string RunNoThinking = "run-no-thinking";
    public const string RunUnpairedTool = "run-unpaired-tool";
    public const string RunDoubleTerminal = "run-double-terminal";
    public const string RunEventAfterTerminal = "run-event-after-terminal";
    public const string RunNoTerminal = "run-no-terminal";
    public const string RunNoTool = "run-no-tool";
    public const string RunMissingField = "run-missing-field";
    public const string RunNestedFields = "run-nested-fields";
    public const string RunWrongUserId = "run-wrong-user-id";
    public const string RunWrongThread = "run-wrong-thread";
    public const string AckWrongRun = "ack-wrong-run";
    public const string AckLate = "ack-late";
    public const string AckMissing = "ack-missing";
    public const string EventIdReused = "event-id-reused";
    public const string RunSlowStart = "run-slow-start";
    public const string RunGap = "run-gap";
    public const string HistoryLate = "history-late";
    public const string HistoryMissing = "history-missing";
    public const string AnswerWrong = "answer-wrong";
    public const string TabsSenderOnly = "tabs-sender-only";
    public const string TabsAckAll = "tabs-ack-all";
    public const string LeakEvents = "leak-events";

    /// <summary>
    /// As leak-events, but the other user is picked by a stride through every connection the instance holds, not the most
    /// recent: the leaks spread over all users, so with N load generators about (N-1)/N of them cross from one to another.
    /// </summary>
    public const string LeakEventsSpread = "leak-events-spread";
    public const string LeakThreads = "leak-threads";
    public const string LeakMessages = "leak-messages";

    /// <summary>(auth) The token response's expires_in disagrees with the access token's exp - iat.</summary>
    public const string TokenExpiresIn = "token-expires-in";

    // Auth faults (the auth service; JwtValidator's are read by both services), each breaking one row of PROTOCOL.md §7.
    public const string RegisterStatus200 = "register-200";
    public const string LoginUnknownEmail = "login-unknown-email";
    public const string RefreshReusable = "refresh-reusable";
    public const string ValidateAnySignature = "validate-any-signature";
    public const string LogoutKeepsToken = "logout-keeps-token";
    public const string TokenTypeLowercase = "token-type-lowercase";
    public const string JwtAlgNone = "jwt-alg-none";
    public const string JwtExpiredAccepted = "jwt-expired-accepted";
    public const string JwtAnyIssuer = "jwt-any-issuer";
    public const string HealthNoChecks = "health-no-checks";

    // HTTP faults of the backend (ThreadEndpoints, MessageRepository).
    public const string ApiAnonymous = "api-anonymous";
    public const string MessagesAllThreads = "messages-all-threads";
    public const string MessagesNewestFirst = "messages-newest-first";

    // WebSocket faults of the backend (FaultMiddleware, WebSocketEndpoint, WebSocketSession, ClientMessageDispatcher, UserMessageHandler).
    public const string WebSocketAlias404 = "ws-alias-404";
    public const string WebSocketNoEcho = "ws-no-echo";
    public const string AuthClose1011 = "ws-auth-close-1011";
    public const string WelcomeMissing = "welcome-missing";
    public const string PingUnanswered = "ping-unanswered";
    public const string InvalidCloses = "invalid-closes";
    public const string FrameLimit32K = "frame-limit-32k";
    public const string ThreadNotContinued = "thread-not-continued";

    // Agent and budget faults of the backend (HistorySearchCall, AgentRunner, RunEventStream).
    public const string HistorySearchQuotesItself = "history-search-quotes-itself";
    public const string HistorySearchOneThread = "history-search-one-thread";
    public const string ErrorRunCompletes = "error-run-completes";
    public const string RunSlowSteps = "run-slow-steps";

    /// <summary>With leak-events or leak-events-spread: leak only every N-th event (default 1, every event).</summary>
    public const string LeakEveryVariable = "GOLDENPATH_FAULT_LEAK_EVERY";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>
    {
        Health503, WebSocket404, HandshakeDelayFault, JwtMismatch, NotReady, WebSocket1011,
        RunNoStarted, RunDoubleStarted, RunNoThinking, RunUnpairedTool, RunDoubleTerminal, RunEventAfterTerminal, RunNoTerminal,
        RunNoTool, RunMissingField, RunNestedFields, RunWrongUserId, RunWrongThread, AckWrongRun, AckLate, AckMissing, EventIdReused,
        RunSlowStart, RunGap, HistoryLate, HistoryMissing, AnswerWrong, TabsSenderOnly, TabsAckAll,
        LeakEvents, LeakEventsSpread, LeakThreads, LeakMessages, TokenExpiresIn,
        RegisterStatus200, LoginUnknownEmail, RefreshReusable, ValidateAnySignature, LogoutKeepsToken, TokenTypeLowercase,
        JwtAlgNone, JwtExpiredAccepted, JwtAnyIssuer, HealthNoChecks, ApiAnonymous, MessagesAllThreads, MessagesNewestFirst,
        WebSocketAlias404, WebSocketNoEcho, AuthClose1011, WelcomeMissing, PingUnanswered, InvalidCloses, FrameLimit32K, ThreadNotContinued,
        HistorySearchQuotesItself, HistorySearchOneThread, ErrorRunCompletes, RunSlowSteps,
    };

    public static FaultSwitches None { get; } = new(new HashSet<string>(), TimeSpan.Zero);

    /// <summary>The faults switched while the service runs; null without GOLDENPATH_FAULTS_FILE.</summary>
    public FaultsFile? FromFile { get; init; }

    /// <summary>Whether a fault is on now or may come on later: the fault middleware is needed.</summary>
    public bool MayBeOn => Active.Count > 0 || FromFile is not null;

    public bool IsOn(string fault) => Active.Contains(fault) || FromFile?.IsOn(fault) == true;

    /// <summary>The fault names in <paramref name="text"/>, comma or newline separated.</summary>
    public static HashSet<string> Names(string? text) =>
        (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <param name="log">Where the faults file reports what it switched and what it ignored (default: stderr, with the service's log lines).</param>
    public static FaultSwitches Load(Func<string, string?> lookup, Action<string>? log = null)
    {
        var path = lookup(FileVariable);
        var fromFile = string.IsNullOrWhiteSpace(path) ? null : new FaultsFile(path.Trim(), log ?? Console.Error.WriteLine);
        var active = Names(lookup(Variable));
        if (active.Count == 0 && fromFile is null)
        {
            return None;
        }

        var unknown = active.Where(f => !Known.Contains(f)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ConfigurationException(Variable, $"names unknown faults ({string.Join(", ", unknown)}); known: {string.Join(", ", Known.Order())}");
        }

        var delay = int.TryParse(lookup("GOLDENPATH_FAULT_DELAY_SECONDS"), out var seconds) && seconds > 0 ? seconds : 30;
        var leakEveryText = lookup(LeakEveryVariable);
        var leakEvery = 1;
        if (!string.IsNullOrWhiteSpace(leakEveryText) && (!int.TryParse(leakEveryText.Trim(), out leakEvery) || leakEvery < 1))
        {
            throw new ConfigurationException(LeakEveryVariable, "must be a positive integer");
        }

        return new FaultSwitches(active, TimeSpan.FromSeconds(delay), leakEvery) { FromFile = fromFile };
    }
}

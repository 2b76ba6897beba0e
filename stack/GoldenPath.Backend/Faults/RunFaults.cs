using GoldenPath.Platform.Common.Faults;
using static GoldenPath.Platform.Common.Faults.FaultSwitches;

namespace GoldenPath.Backend.Faults;

/// <summary>When the assistant message is stored, relative to agent_completed.</summary>
public enum AnswerStorage
{
    BeforeCompleted,
    AfterCompleted,
    Never,
}

/// <summary>
/// The backend's event-stream faults (GOLDENPATH_FAULTS, stack/README.md): the one place that decides what each
/// breaks. RunEventStream, AgentRunner, UserMessageHandler, EventSubscriber, CalculatorCall and ThreadEndpoints
/// ask it; with no fault on, every answer is the correct behaviour.
/// </summary>
public sealed class RunFaults(FaultSwitches switches)
{
    private long delivered;

    // The run's events (RunEventStream).
    public TimeSpan StartDelay => On(RunSlowStart) ? TimeSpan.FromSeconds(3) : TimeSpan.Zero;

    public bool OmitsStarted => On(RunNoStarted);

    public bool DoublesStarted => On(RunDoubleStarted);

    public bool OmitsThinkingBeforeTool => On(RunNoThinking);

    public TimeSpan GapBeforeFirstTool => On(RunGap) ? TimeSpan.FromSeconds(11) : TimeSpan.Zero;

    public bool OmitsToolEvents => On(RunNoTool);

    public bool UnpairsToolCompleted => On(RunUnpairedTool);

    public bool OmitsTerminal => On(RunNoTerminal);

    public bool DoublesTerminal => On(RunDoubleTerminal);

    public bool SendsEventAfterTerminal => On(RunEventAfterTerminal);

    public bool OmitsTimestamp => On(RunMissingField);

    public bool NestsFields => On(RunNestedFields);

    public bool CarriesWrongUserId => On(RunWrongUserId);

    public bool CarriesWrongThreadId => On(RunWrongThread);

    /// <summary>The second event of each run reuses the first one's event_id.</summary>
    public bool ReusesEventId => On(EventIdReused);

    /// <summary>The run's events go to the sending connection only, not to the user's other connections.</summary>
    public bool EventsToSenderOnly => On(TabsSenderOnly);

    // The ack (UserMessageHandler).
    public bool AckCarriesWrongRunId => On(AckWrongRun);

    /// <summary>The ack waits for agent_started; null sends it at once, as it should be.</summary>
    public TimeSpan? AckDelayAfterStarted => On(AckLate) ? TimeSpan.FromSeconds(1) : null; // long after agent_started reached the sender, even on a loaded machine

    public bool AcksToAllTabs => On(TabsAckAll);

    /// <summary>The ack-missing fault: no message_ack at all, the run goes on.</summary>
    public bool AckNeverSent => On(AckMissing);

    // The answer (AgentRunner, CalculatorCall).
    public AnswerStorage AnswerStorage => On(HistoryMissing) ? AnswerStorage.Never : On(HistoryLate) ? AnswerStorage.AfterCompleted : AnswerStorage.BeforeCompleted;

    public TimeSpan LateStorageDelay { get; } = TimeSpan.FromSeconds(3);

    public decimal Calculated(decimal value) => On(AnswerWrong) ? value + 1 : value;

    // Isolation (EventSubscriber, ThreadEndpoints).
    public bool ListsEveryonesThreads => On(LeakThreads);

    public bool ShowsOthersMessages => On(LeakMessages);

    // HTTP (ThreadEndpoints).
    /// <summary>The api-anonymous fault: /api/threads answers 200 and an empty list to a request without a valid token.</summary>
    public bool ListsThreadsWithoutToken => On(ApiAnonymous);

    /// <summary>The messages-all-threads fault: a thread's messages include those of the user's other threads.</summary>
    public bool MixesUsersThreads => On(MessagesAllThreads);

    public bool ListsNewestFirst => On(MessagesNewestFirst);

    // WebSocket (WebSocketEndpoint, WebSocketSession, ClientMessageDispatcher, UserMessageHandler).
    public bool EchoesSubprotocol => !On(WebSocketNoEcho);

    public System.Net.WebSockets.WebSocketCloseStatus AuthFailureClose =>
        On(AuthClose1011) ? System.Net.WebSockets.WebSocketCloseStatus.InternalServerError : System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation;

    public bool OmitsWelcome => On(WelcomeMissing);

    public bool IgnoresPing => On(PingUnanswered);

    /// <summary>The invalid-closes fault: after INVALID_MESSAGE the connection is closed (1003) instead of staying open.</summary>
    public bool ClosesOnInvalid => On(InvalidCloses);

    /// <summary>The largest message accepted: 64 KiB (PROTOCOL.md §3), or 32 KiB under the frame-limit-32k fault.</summary>
    public int MaxMessageBytes(int limit) => On(FrameLimit32K) ? limit / 2 : limit;

    /// <summary>The thread-not-continued fault: a message naming the caller's thread starts a new thread instead.</summary>
    public bool StartsNewThreadAlways => On(ThreadNotContinued);

    // The agent (HistorySearchCall, AgentRunner) and the pace of a run (RunEventStream).
    public bool QuotesMessageBeingAnswered => On(HistorySearchQuotesItself);

    public bool SearchesCurrentThreadOnly => On(HistorySearchOneThread);

    /// <summary>The error-run-completes fault: a failed tool call ends the run with agent_completed, not agent_error.</summary>
    public bool CompletesFailedRuns => On(ErrorRunCompletes);

    /// <summary>The run-slow-steps fault: 8 s before every event after the first, each gap under §5's 10 s, the run over its 30 s.</summary>
    public TimeSpan PauseBeforeEachLaterEvent => On(RunSlowSteps) ? TimeSpan.FromSeconds(8) : TimeSpan.Zero;

    /// <summary>Whether the run frame this instance is delivering also goes to another user (every N-th, GOLDENPATH_FAULT_LEAK_EVERY).</summary>
    public bool LeaksNextEvent() => LeaksNextEvent(out _);

    /// <summary>As <see cref="LeaksNextEvent()"/>; <paramref name="ordinal"/> counts the frames delivered, for leak-events-spread's stride.</summary>
    public bool LeaksNextEvent(out long ordinal)
    {
        ordinal = 0;
        if (!On(LeakEvents) && !On(LeakEventsSpread))
        {
            return false;
        }

        ordinal = Interlocked.Increment(ref delivered);
        return ordinal % switches.LeakEvery == 0;
    }

    /// <summary>leak-events-spread: the leaked frame goes to a user picked by a stride through all connections, not the most recent one.</summary>
    public bool SpreadsLeaks => On(LeakEventsSpread);

    private bool On(string fault) => switches.IsOn(fault);
}

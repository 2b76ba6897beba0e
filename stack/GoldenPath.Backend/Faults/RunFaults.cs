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

    /// <summary>Whether the run frame this instance is delivering also goes to another user (every N-th, GOLDENPATH_FAULT_LEAK_EVERY).</summary>
    public bool LeaksNextEvent() => On(LeakEvents) && Interlocked.Increment(ref delivered) % switches.LeakEvery == 0;

    private bool On(string fault) => switches.IsOn(fault);
}

using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// All the watch keeps between ticks: whether the target is failing and, if so, the tick it started failing at. A watch
/// starts healthy; only a change of state calls for an alert.
/// </summary>
internal sealed record WatchState(WatchTick? FailingSince)
{
    public static WatchState Start { get; } = new((WatchTick?)null);

    public bool IsFailing => FailingSince is not null;

    public string Name => IsFailing ? WatchTick.Failing : WatchTick.Healthy;

    /// <summary>How many ticks in a row have failed up to <paramref name="tick"/> (this state's latest): 0 while healthy.</summary>
    public int FailingTicks(WatchTick tick) => FailingSince is { } first ? tick.Tick - first.Tick + 1 : 0;

    /// <summary>The state after <paramref name="tick"/>, and the alert its change of state calls for (null when the state stays).</summary>
    public (WatchState Next, WatchAlert? Alert) After(WatchTick tick) => (IsFailing, tick.State == WatchTick.Failing) switch
    {
        (false, true) => (new WatchState(tick), new WatchAlert(tick, null)),
        (true, false) => (Start, new WatchAlert(FailingSince!, tick)),
        _ => (this, null),
    };
}

/// <summary>A change of state: to failing at <see cref="FirstFailing"/>, or, with <see cref="Recovery"/>, back to healthy.</summary>
internal sealed record WatchAlert(WatchTick FirstFailing, WatchTick? Recovery)
{
    public bool Recovered => Recovery is not null;

    /// <summary>From the first failing tick to the one that recovered.</summary>
    public TimeSpan? Downtime => Recovery?.Time - FirstFailing.Time;
}

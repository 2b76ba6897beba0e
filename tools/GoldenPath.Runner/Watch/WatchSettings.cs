namespace GoldenPath.Runner.Watch;

/// <summary>
/// What run-tests watch was asked for: a tick every <see cref="Interval"/>, <see cref="JourneysPerTick"/> journeys in each,
/// one history line a tick in <see cref="HistoryPath"/>, alerts to <see cref="AlertWebhook"/> (none without it), and how long
/// a tick may take before it is abandoned as failing (<see cref="TickDeadline"/>).
/// </summary>
internal sealed record WatchSettings(TimeSpan Interval, int JourneysPerTick, string HistoryPath, Uri? AlertWebhook, TimeSpan TickDeadline)
{
    /// <summary>
    /// The interval, or twice the completion budget when that is longer: a journey the completion budget fails has spent
    /// time logging in and connecting before it, and its own diagnosis says more than "abandoned".
    /// </summary>
    public static TimeSpan DeadlineFor(TimeSpan interval, TimeSpan completionBudget) =>
        interval > 2 * completionBudget ? interval : 2 * completionBudget;
}

/// <summary>Watch's metrics: the scrape endpoint's address (none: no endpoint) and the location label.</summary>
internal sealed record WatchMetricsSettings(System.Net.IPEndPoint? Listen, string Location);

using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Metrics;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// One tick's look at the platform: the preflight and, when it passes, <paramref name="journeysPerTick"/> golden-path journeys
/// walked at once; healthy when their success rate holds the environment's successRate threshold. Both go to
/// <paramref name="metrics"/> under <paramref name="environment"/>'s name.
/// </summary>
internal sealed class WatchProbe(PlatformFixture platform, int journeysPerTick, Threshold successRate, GoldenPathMetrics metrics, string environment)
{
    private int looks;

    public async Task<TickVerdict> LookAsync(CancellationToken cancel)
    {
        var look = Interlocked.Increment(ref looks);
        var preflight = await platform.RepeatPreflightAsync().ConfigureAwait(false);
        metrics.Preflight(environment, preflight);
        if (!preflight.Passed)
        {
            return new TickVerdict(false, false, 0, 0, null, preflight.Diagnosis);
        }

        var outcomes = await new SloRun(new SloPlan(journeysPerTick, journeysPerTick)).ExecuteAsync(
            (index, timings, _) => new GoldenPathJourney(platform, timings, $"watch-{look}-{index}").WalkAsync(), cancel: cancel).ConfigureAwait(false);
        metrics.JourneysWalked(environment, outcomes);
        var succeeded = outcomes.Count(o => o.Success);
        var rate = outcomes.Count == 0 ? 0 : (double)succeeded / outcomes.Count;
        var healthy = outcomes.Count > 0 && successRate.Holds(rate);
        var completion = StepStatistics.Of(outcomes.Select(o => o.Timings.CompletionMs).OfType<double>())?.P95;
        return new TickVerdict(healthy, true, outcomes.Count, succeeded, completion, healthy ? null : Diagnosis(outcomes, succeeded, rate));
    }

    private string Diagnosis(IReadOnlyList<JourneyOutcome> outcomes, int succeeded, double rate)
    {
        if (outcomes.FirstOrDefault(o => !o.Success) is not { } failed)
        {
            return outcomes.Count == 0 ? "no journey ran" : $"success rate {rate:0.###}; the threshold is {successRate}";
        }

        return $"{outcomes.Count - succeeded} of {outcomes.Count} journeys failed (success rate {rate:0.###}; the threshold is {successRate}); the first: {failed.FailureClass}: {failed.Diagnosis}";
    }
}

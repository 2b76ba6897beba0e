using System.Diagnostics;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Slo;

/// <summary>A line every few seconds while the journeys run: how many finished, how many failed (by class), elapsed.</summary>
internal sealed class SloProgress : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly SloPlan plan;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private int finished;
    private int failed;
    private string? lastFailure;

    public SloProgress(SloPlan plan)
    {
        this.plan = plan;
        timer = new Timer(_ => Print(), null, Every, Every);
    }

    public void Finished(JourneyOutcome outcome)
    {
        Interlocked.Increment(ref finished);
        if (!outcome.Success)
        {
            Interlocked.Increment(ref failed);
            lastFailure = outcome.FailureClass;
        }
    }

    public void Dispose() => timer.Dispose();

    private void Print() =>
        Say.Line($"slo: [{clock.Elapsed.TotalSeconds:0}s] {Volatile.Read(ref finished)}{(plan.Journeys is { } n ? $" of {n}" : string.Empty)} journeys, " +
                 $"{Volatile.Read(ref failed)} failed{(lastFailure is null ? string.Empty : $" (last: {lastFailure})")}");
}

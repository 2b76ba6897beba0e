using System.Diagnostics;
using System.Globalization;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// The watch's ticks, one every interval until stopped: look at the target (within the tick's deadline), print one line,
/// append it to the history, and on a change of state raise an alert. A look that throws or hangs is a failing tick; a
/// hung look is abandoned, and while it still runs the next ticks fail at once rather than pile up more work.
/// <paramref name="ticked"/> hears of every recorded tick with the state after it (the metrics' goldenpath_up).
/// </summary>
internal sealed class WatchLoop(WatchSettings settings, Func<CancellationToken, Task<TickVerdict>> look, WatchHistoryFile history, Func<WatchAlert, CancellationToken, Task> alert, TextWriter output,
    Action<WatchTick, WatchState>? ticked = null)
{
    private Task? abandoned;

    public int Ticks { get; private set; }

    /// <summary>Whether the stop came in the middle of a tick, which then went unrecorded.</summary>
    public bool CutShort { get; private set; }

    public WatchState State { get; private set; } = WatchState.Start;

    /// <param name="stop">Ends the loop (System.CommandLine's token: Ctrl-C, SIGTERM).</param>
    /// <param name="signalled">Set by the signal before <paramref name="stop"/> is (see <see cref="StopSignals"/>): from then on a verdict may be the teardown's doing, not the target's, and is no tick.</param>
    public async Task RunAsync(CancellationToken stop, CancellationToken signalled = default)
    {
        using var timer = new PeriodicTimer(settings.Interval);
        do
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var time = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var verdict = await LookAsync(stop).ConfigureAwait(false);
            if (verdict is null || signalled.IsCancellationRequested)
            {
                CutShort = true;
                continue; // to the stop
            }

            var tick = new WatchTick
            {
                Time = time,
                Tick = ++Ticks,
                State = verdict.Healthy ? WatchTick.Healthy : WatchTick.Failing,
                PreflightPassed = verdict.PreflightPassed,
                Journeys = verdict.Journeys,
                Succeeded = verdict.Succeeded,
                CompletionP95Ms = verdict.CompletionP95Ms,
                Diagnosis = verdict.Diagnosis is null ? null : SecretMasker.Apply(verdict.Diagnosis),
                DurationMs = clock.Elapsed.TotalMilliseconds,
            };
            output.WriteLine(Line(tick));
            history.Append(tick, output);

            var (next, change) = State.After(tick);
            State = next;
            ticked?.Invoke(tick, State);
            if (change is not null)
            {
                await AlertAsync(change, stop).ConfigureAwait(false);
            }
        }
        while (await NextTickAsync(timer, stop).ConfigureAwait(false));
    }

    /// <summary>"watch: tick 3 at 01:59:03Z healthy: 1/1 journeys passed, completion p95 412 ms (1.3 s)".</summary>
    public static string Line(WatchTick tick)
    {
        var what = tick.State == WatchTick.Healthy
            ? $"healthy: {tick.Succeeded}/{tick.Journeys} journeys passed" + (tick.CompletionP95Ms is { } p95 ? $", completion p95 {p95.ToString("0", CultureInfo.InvariantCulture)} ms" : string.Empty)
            : $"FAILING: {tick.Diagnosis}";
        return $"watch: tick {tick.Tick} at {tick.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z {what} ({(tick.DurationMs / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s)";
    }

    private async Task<TickVerdict?> LookAsync(CancellationToken stop)
    {
        if (abandoned is { IsCompleted: false })
        {
            return TickVerdict.Failing($"an earlier tick, abandoned at its {settings.TickDeadline.TotalSeconds:0.#} s deadline, still waits for the target: it hangs");
        }

        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var work = Task.Run(() => look(deadline.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(settings.TickDeadline, stop).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            abandoned = work;
            await deadline.CancelAsync().ConfigureAwait(false);
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default); // observed: it failed long after its tick
            return TickVerdict.Failing($"no verdict within the tick's {settings.TickDeadline.TotalSeconds:0.#} s deadline: abandoned; the target hangs or is very slow");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return TickVerdict.Failing($"the tick failed: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
        }
        finally
        {
            // The abandoned look may still read the token; its source goes once that look has ended.
            _ = work.ContinueWith(_ => deadline.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task AlertAsync(WatchAlert change, CancellationToken stop)
    {
        try
        {
            await alert(change, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            output.WriteLine("watch: stopped while alerting");
        }
        catch (Exception e)
        {
            output.WriteLine($"watch: the alert failed ({e.GetType().Name}: {SecretMasker.Apply(e.Message)}); the watch goes on");
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

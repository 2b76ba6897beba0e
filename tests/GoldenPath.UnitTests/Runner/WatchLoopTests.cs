using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using GoldenPath.Runner.Watch;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class WatchLoopTests : IDisposable
{
    private static readonly TickVerdict Healthy = new(true, true, 1, 1, 120, null);
    private static readonly TickVerdict Down = new(false, false, 0, 0, null, "preflight: tcp (127.0.0.1:1): connection refused");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-watch-");
    private readonly List<WatchAlert> alerts = [];
    private readonly StringWriter output = new();

    public void Dispose()
    {
        output.Dispose();
        folder.Delete(recursive: true);
    }

    private string HistoryPath => Path.Combine(folder.FullName, "history", "watch-history.jsonl");

    [Fact]
    public async Task Each_tick_is_a_line_of_history_and_only_changes_of_state_alert()
    {
        var loop = await RunAsync([Healthy, Down, Down, Healthy, Healthy]);

        loop.Ticks.Should().Be(5);
        loop.CutShort.Should().BeTrue("the stop came during the sixth look, which is not a tick");
        var history = File.ReadAllLines(HistoryPath).Select(l => JsonSerializer.Deserialize<WatchTick>(l, SloReport.Json)!).ToArray();
        history.Select(t => (t.Tick, t.State)).Should().Equal((1, "healthy"), (2, "failing"), (3, "failing"), (4, "healthy"), (5, "healthy"));
        history[1].Diagnosis.Should().Be(Down.Diagnosis);
        alerts.Select(a => (a.FirstFailing.Tick, a.Recovery?.Tick)).Should().Equal((2, null), (2, 4));
        output.ToString().Should().Contain("watch: tick 2 at ").And.Contain("FAILING: preflight: tcp (127.0.0.1:1): connection refused");
    }

    [Fact]
    public async Task The_history_is_appended_to_not_rewritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(HistoryPath)!);
        await File.WriteAllTextAsync(HistoryPath, "{\"an\":\"earlier watch\"}\n", TestContext.Current.CancellationToken);

        await RunAsync([Healthy]);

        File.ReadAllLines(HistoryPath).Should().HaveCount(2).And.StartWith("{\"an\":\"earlier watch\"}");
    }

    [Fact]
    public async Task A_tick_that_throws_is_a_failing_tick_with_the_exception_as_diagnosis()
    {
        await RunAsync([null, Healthy]);

        alerts.Should().HaveCount(2);
        alerts[0].FirstFailing.Diagnosis.Should().Be("the tick failed: InvalidOperationException: the target said eyJhbG***");
    }

    [Fact]
    public async Task A_hung_tick_is_abandoned_at_its_deadline_and_the_next_ones_fail_while_it_hangs()
    {
        var hung = new TaskCompletionSource<TickVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        var looks = 0;
        using var stop = new CancellationTokenSource();
        var loop = new WatchLoop(Settings(TimeSpan.FromMilliseconds(300)), cancel =>
        {
            if (Interlocked.Increment(ref looks) == 1)
            {
                return hung.Task;
            }

            stop.Cancel();
            return Task.FromResult(Healthy);
        }, new WatchHistoryFile(HistoryPath), Alert, output);

        var running = loop.RunAsync(stop.Token);
        var ticks = await DeadlineWait.PollAsync(_ => Task.FromResult(loop.Ticks >= 3 ? "ticks" : null), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        hung.SetResult(Healthy);
        await DeadlineWait.PollAsync(_ => Task.FromResult(looks >= 2 ? "looked" : null), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        (await DeadlineWait.ForTaskAsync(running, TimeSpan.FromSeconds(10))).Should().BeTrue("the loop ends when stopped");

        ticks.Should().NotBeNull("ticks go on while a look hangs");
        var history = File.ReadAllLines(HistoryPath).Select(l => JsonSerializer.Deserialize<WatchTick>(l, SloReport.Json)!).ToArray();
        history[0].Diagnosis.Should().Contain("no verdict within the tick's 0.3 s deadline: abandoned");
        history[1].Diagnosis.Should().Contain("an earlier tick, abandoned at its 0.3 s deadline, still waits for the target");
        looks.Should().BeGreaterThanOrEqualTo(2, "once the hung look ended, ticks look again");
    }

    [Fact]
    public async Task A_verdict_reached_after_the_signal_is_no_tick()
    {
        using var stop = new CancellationTokenSource();
        using var signalled = new CancellationTokenSource();
        var looks = 0;
        var loop = new WatchLoop(Settings(TimeSpan.FromSeconds(10)), async cancel =>
        {
            if (++looks == 1)
            {
                await signalled.CancelAsync(); // the stack's teardown, which the signal starts, made this look fail
                return Down;
            }

            await stop.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancel); // deliberate: a look the stop cuts short
            return Healthy;
        }, new WatchHistoryFile(HistoryPath), Alert, output);

        (await DeadlineWait.ForTaskAsync(loop.RunAsync(stop.Token, signalled.Token), TimeSpan.FromSeconds(20))).Should().BeTrue("the loop ends when stopped");

        loop.Ticks.Should().Be(0);
        alerts.Should().BeEmpty();
        File.Exists(HistoryPath).Should().BeFalse();
    }

    [Fact]
    public async Task An_alert_that_throws_is_reported_and_the_watch_goes_on()
    {
        var loop = await RunAsync([Down, Healthy], (_, _) => throw new HttpRequestException("no route to host"));

        loop.Ticks.Should().Be(2);
        output.ToString().Should().Contain("watch: the alert failed (HttpRequestException: no route to host); the watch goes on");
    }

    [Fact]
    public async Task A_webhook_that_refuses_the_connection_costs_one_line_and_no_retry()
    {
        using var log = new StringWriter();
        using var webhook = new AlertWebhook(new Uri($"http://127.0.0.1:{GoldenPath.Fixtures.Stack.FreePort.Next()}/services/T0/B0/key"), log);

        var posted = await webhook.PostAsync("{}", TestContext.Current.CancellationToken);

        posted.Should().BeFalse();
        log.ToString().Should().StartWith($"watch: the alert webhook ({webhook.Name}) failed (").And.Contain("the alert is dropped, the watch goes on").And.NotContain("key");
    }

    private WatchSettings Settings(TimeSpan deadline) => new(TimeSpan.FromMilliseconds(20), 1, HistoryPath, null, deadline);

    private async Task<WatchLoop> RunAsync(IReadOnlyList<TickVerdict?> verdicts, Func<WatchAlert, CancellationToken, Task>? alert = null)
    {
        using var stop = new CancellationTokenSource();
        var next = 0;
        var loop = new WatchLoop(Settings(TimeSpan.FromSeconds(10)), async cancel =>
        {
            if (next == verdicts.Count)
            {
                await stop.CancelAsync();
                await Task.Delay(Timeout.Infinite, cancel); // deliberate: the last look is still running when the stop comes
            }

            return verdicts[next++] ?? throw new InvalidOperationException("the target said eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\nsecond line");
        }, new WatchHistoryFile(HistoryPath), alert ?? Alert, output);

        (await DeadlineWait.ForTaskAsync(loop.RunAsync(stop.Token), TimeSpan.FromSeconds(20))).Should().BeTrue("the loop ends when stopped");
        return loop;
    }

    private Task Alert(WatchAlert alert, CancellationToken cancel)
    {
        alerts.Add(alert);
        return Task.CompletedTask;
    }
}

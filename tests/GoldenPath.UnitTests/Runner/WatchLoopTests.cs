using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Watch;

namespace GoldenPath.UnitTests.Runner;

[Trait("Category", "Unit")]
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
        var settings = new WatchSettings(TimeSpan.FromMilliseconds(50), 1, HistoryPath, null, TimeSpan.FromMilliseconds(300));
        var loop = new WatchLoop(settings, cancel =>
        {
            if (Interlocked.Increment(ref looks) == 1)
            {
                return hung.Task;
            }

            stop.Cancel();
            return Task.FromResult(Healthy);
        }, new WatchHistoryFile(HistoryPath), Alert, output);

        var running = loop.RunAsync(stop.Token);
        var ticks = await Wait.PollAsync(_ => Task.FromResult(loop.Ticks >= 3 ? "ticks" : null), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        hung.SetResult(Healthy);
        await Wait.PollAsync(_ => Task.FromResult(looks >= 2 ? "looked" : null), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        (await Wait.ForTaskAsync(running, TimeSpan.FromSeconds(10))).Should().BeTrue("the loop ends when stopped");

        ticks.Should().NotBeNull("ticks go on while a look hangs");
        var history = File.ReadAllLines(HistoryPath).Select(l => JsonSerializer.Deserialize<WatchTick>(l, SloReport.Json)!).ToArray();
        history[0].Diagnosis.Should().Contain("no verdict within the tick's 0.3 s deadline: abandoned");
        history[1].Diagnosis.Should().Contain("an earlier tick, abandoned at its 0.3 s deadline, still waits for the target");
        looks.Should().BeGreaterThanOrEqualTo(2, "once the hung look ended, ticks look again");
    }

    private async Task<WatchLoop> RunAsync(IReadOnlyList<TickVerdict?> verdicts)
    {
        using var stop = new CancellationTokenSource();
        var next = 0;
        var settings = new WatchSettings(TimeSpan.FromMilliseconds(20), 1, HistoryPath, null, TimeSpan.FromSeconds(10));
        var loop = new WatchLoop(settings, async cancel =>
        {
            if (next == verdicts.Count)
            {
                await stop.CancelAsync();
                await Task.Delay(Timeout.Infinite, cancel); // deliberate: the last look is still running when the stop comes
            }

            return verdicts[next++] ?? throw new InvalidOperationException("the target said eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\nsecond line");
        }, new WatchHistoryFile(HistoryPath), Alert, output);

        (await Wait.ForTaskAsync(loop.RunAsync(stop.Token), TimeSpan.FromSeconds(20))).Should().BeTrue("the loop ends when stopped");
        return loop;
    }

    private Task Alert(WatchAlert alert, CancellationToken cancel)
    {
        alerts.Add(alert);
        return Task.CompletedTask;
    }
}

using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using GoldenPath.Runner.Watch;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class WatchStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_a_change_of_state_calls_for_an_alert()
    {
        var state = WatchState.Start;
        var alerts = new List<WatchAlert>();
        foreach (var (number, healthy) in new[] { (1, true), (2, true), (3, false), (4, false), (5, false), (6, true), (7, true) })
        {
            var (next, alert) = state.After(Tick(number, healthy));
            state = next;
            if (alert is not null)
            {
                alerts.Add(alert);
            }
        }

        alerts.Should().HaveCount(2);
        alerts[0].Recovered.Should().BeFalse();
        alerts[0].FirstFailing.Tick.Should().Be(3);
        alerts[1].Recovered.Should().BeTrue();
        alerts[1].Downtime.Should().Be(TimeSpan.FromSeconds(6), "from the first failing tick (3) to the recovering one (6)");
        state.Should().Be(WatchState.Start);
    }

    [Fact]
    public void A_watch_starts_healthy_so_a_failing_first_tick_alerts()
    {
        var (state, alert) = WatchState.Start.After(Tick(1, healthy: false));

        alert.Should().NotBeNull();
        state.IsFailing.Should().BeTrue();
        state.Name.Should().Be(WatchTick.Failing);
    }

    [Theory]
    [InlineData(1, 60, 60)]
    [InlineData(120, 30, 120)]
    public void A_tick_may_take_the_interval_or_twice_the_completion_budget(double interval, double completion, double expected)
    {
        WatchSettings.DeadlineFor(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(completion / 2)).Should().Be(TimeSpan.FromSeconds(expected));
    }

    internal static WatchTick Tick(int number, bool healthy, string? diagnosis = null) => new()
    {
        Time = Start.AddSeconds(2 * number),
        Tick = number,
        State = healthy ? WatchTick.Healthy : WatchTick.Failing,
        PreflightPassed = healthy,
        Journeys = healthy ? 1 : 0,
        Succeeded = healthy ? 1 : 0,
        Diagnosis = healthy ? null : diagnosis ?? "preflight: backend health (http://127.0.0.1:1/health): the backend service answered 503 unhealthy",
        DurationMs = 100,
    };
}

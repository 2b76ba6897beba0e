using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class SloRunTests
{
    [Fact]
    public async Task It_walks_every_journey_no_more_than_the_concurrency_at_a_time()
    {
        var (running, most) = (0, 0);
        var gate = new object();
        var run = new SloRun(new SloPlan(Journeys: 24, Concurrency: 4));

        var outcomes = await run.ExecuteAsync(async (_, timings, _) =>
        {
            lock (gate)
            {
                most = Math.Max(most, ++running);
            }

            await Task.Yield();
            await Task.Delay(5, TestContext.Current.CancellationToken); // deliberate: a journey's own work, not a wait for a condition
            timings.CompletionMs = 5;
            lock (gate)
            {
                running--;
            }
        }, cancel: TestContext.Current.CancellationToken);

        outcomes.Select(o => o.Index).Should().Equal(Enumerable.Range(0, 24));
        outcomes.Should().OnlyContain(o => o.Success && o.Timings.CompletionMs == 5);
        most.Should().BeInRange(2, 4);
    }

    [Fact]
    public async Task A_failed_journey_is_classed_by_the_rule_it_names_and_only_the_first_of_a_class_keeps_its_transcript()
    {
        var run = new SloRun(new SloPlan(Journeys: 6, Concurrency: 1));

        var outcomes = await run.ExecuteAsync((index, _, _) => index switch
        {
            0 => Task.CompletedTask,
            1 or 2 => throw new GoldenPathException("golden path step 4 'ask and receive the run' failed:\nbudget-first-event: [journey] agent_started came 2.5 s after the user_message\ntranscript of journey: …"),
            3 => throw new GoldenPathException("golden path step 3 'connect' failed:\n[journey] WebSocket upgrade was refused (HTTP 404 NotFound)"),
            _ => throw new InvalidOperationException("something else"),
        }, cancel: TestContext.Current.CancellationToken);

        outcomes.Select(o => o.FailureClass).Should().Equal(null, "budget-first-event", "budget-first-event", "step 3 'connect'", "InvalidOperationException", "InvalidOperationException");
        outcomes[1].Diagnosis.Should().Be("golden path step 4 'ask and receive the run' failed: budget-first-event: [journey] agent_started came 2.5 s after the user_message");
        outcomes[1].Transcript.Should().Contain("transcript of journey");
        outcomes[2].Transcript.Should().BeNull("one transcript per class");
    }

    [Fact]
    public async Task With_a_duration_journeys_start_until_it_has_passed()
    {
        var run = new SloRun(new SloPlan(Journeys: null, Concurrency: 2, Duration: TimeSpan.FromSeconds(1)));

        var outcomes = await run.ExecuteAsync((_, _, cancel) => Task.Delay(20, cancel), cancel: TestContext.Current.CancellationToken); // deliberate: journeys that take 20 ms

        outcomes.Should().HaveCountGreaterThan(2, "each worker starts journeys until the second has passed");
        outcomes.Max(o => o.StartMs).Should().BeLessThan(1000);
        run.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Cancelling_stops_starting_journeys_and_does_not_count_the_interrupted_ones_as_failures()
    {
        using var cancel = new CancellationTokenSource();
        var run = new SloRun(new SloPlan(Journeys: 1000, Concurrency: 2));

        var outcomes = await run.ExecuteAsync(async (index, _, token) =>
        {
            if (index == 5)
            {
                await cancel.CancelAsync();
            }

            await Task.Delay(10, token); // deliberate: a journey that takes 10 ms
        }, cancel: cancel.Token);

        outcomes.Should().NotBeEmpty().And.HaveCountLessThan(10);
        outcomes.Should().OnlyContain(o => o.Success);
    }
}

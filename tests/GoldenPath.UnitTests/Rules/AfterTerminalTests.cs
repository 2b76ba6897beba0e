using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>
/// A run is watched only 200 ms past its terminal event while a spec runs; an event of it that comes later is caught when the
/// test ends, over the connection's whole life (ConnectionGuard), naming the rule and the frame.
/// </summary>
[Unit]
public sealed class AfterTerminalTests
{
    [Fact]
    public void An_event_of_a_run_after_its_terminal_event_breaks_nothing_after_terminal_and_a_second_terminal_single_terminal()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");
        recorder.Record("""{"type":"agent_completed","run_id":"r1","event_id":"e2"}""");
        recorder.Record("""{"type":"agent_thinking","run_id":"r1","event_id":"e3","reasoning":"late"}""");
        recorder.Record("""{"type":"agent_completed","run_id":"r1","event_id":"e4"}""");

        var late = AfterTerminal.On(recorder);

        late.Should().HaveCount(2);
        late[0].Should().StartWith("nothing-after-terminal: [alice/tab-1] frame #2 (agent_thinking) of run 'r1' came ")
            .And.EndWith(""" s after the run's terminal event, frame #1 (agent_completed): {"type":"agent_thinking","run_id":"r1","event_id":"e3","reasoning":"late"}""");
        late[1].Should().StartWith("single-terminal: [alice/tab-1] frame #3 (agent_completed) of run 'r1'");
    }

    [Fact]
    public void Interleaved_runs_unknown_frames_and_runs_still_going_are_no_late_events()
    {
        var recorder = new EventRecorder("bob/tab-1");
        recorder.Record("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");
        recorder.Record("""{"type":"agent_started","run_id":"r2","event_id":"e2"}""");
        recorder.Record("""{"type":"agent_error","run_id":"r1","event_id":"e3","error":"x"}""");
        recorder.Record("""{"type":"heartbeat","run_id":"r1"}""");
        recorder.Record("""{"type":"agent_thinking","run_id":"r2","event_id":"e4","reasoning":"still going"}""");
        recorder.Record("not json");

        AfterTerminal.On(recorder).Should().BeEmpty();
    }

    [Fact]
    public void When_the_test_ends_a_late_event_on_any_of_its_connections_fails_it_with_the_rule_and_the_transcript()
    {
        var test = $"after-terminal-{Guid.NewGuid()}";
        var quiet = new EventRecorder("carol/tab-1");
        var noisy = new EventRecorder("carol/tab-2");
        ConnectionGuard.Track(quiet, test);
        ConnectionGuard.Track(noisy, test);
        foreach (var recorder in new[] { quiet, noisy })
        {
            recorder.Record("""{"type":"agent_started","run_id":"r9","event_id":"e1"}""");
            recorder.Record("""{"type":"agent_completed","run_id":"r9","event_id":"e2"}""");
        }

        noisy.Record("""{"type":"tool_completed","run_id":"r9","event_id":"e3"}""");

        var found = ConnectionGuard.Release(test);

        found.Leaks.Should().BeEmpty();
        found.AfterTerminal.Should().ContainSingle().Which.Should()
            .StartWith("nothing-after-terminal: [carol/tab-2] frame #2 (tool_completed) of run 'r9'")
            .And.Contain("transcript of carol/tab-2 (3 frames received):");
        found.Describe().Should().EndWith("(checked after the test, over each connection's whole life)");
        ConnectionGuard.Release(test).Describe().Should().BeNull("Release forgets the test's connections");
    }
}

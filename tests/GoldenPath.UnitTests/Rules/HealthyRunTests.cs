using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>Runs that obey PROTOCOL.md §3: in each shape, on the agent_error path, and the golden path's own rule.</summary>
[Unit]
public sealed class HealthyRunTests
{
    [Theory]
    [InlineData(EventShape.Flat)]
    [InlineData(EventShape.Data)]
    [InlineData(EventShape.Payload)]
    public void A_golden_path_run_in_any_shape_passes_when_the_shape_is_not_strict(EventShape shape)
    {
        var run = RunBuilder.GoldenPath(shape);

        run.Frames().Select(f => f.Event!.Shape).Should().AllBeEquivalentTo(shape);
        run.Verify(run.Expectations(strictShape: false, goldenPath: true)).ShouldBeClean();
    }

    [Fact]
    public void A_flat_golden_path_run_passes_every_rule_strict_and_with_budgets()
    {
        var run = RunBuilder.GoldenPath();

        run.Verify(run.Expectations(strictShape: true, goldenPath: true)).ShouldBeClean();
    }

    [Fact]
    public void The_builder_renders_protocol_md_frames()
    {
        var raw = RunBuilder.GoldenPath().RawFrames();

        raw.Should().HaveCount(5);
        raw[0].Should().StartWith("""{"type":"agent_started","event_id":"evt-001","run_id":"run-7f3a","thread_id":"thread-91c2","user_id":"user-alice","agent_name":"reference-agent","timestamp":"2025-06-01T12:00:00.050Z"}""");
        raw[2].Should().Contain("""
            "tool_call_id":"call-1","parameters":{"expression":"17 * 23"}
            """);
        RunBuilder.GoldenPath(EventShape.Payload).RawFrames()[0].Should().StartWith("""{"type":"agent_started","payload":{"event_id":"evt-001",""");
    }

    [Fact]
    public void The_agent_error_path_is_a_valid_run()
    {
        var run = RunBuilder.ErrorPath();

        run.Frames().Select(f => f.Type).Should().Equal("agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_error");
        run.Verify(run.Expectations(goldenPath: false)).ShouldBeClean();
    }

    [Fact]
    public void The_agent_error_path_is_not_the_golden_path()
    {
        var run = RunBuilder.ErrorPath();

        var violations = run.Verify(run.Expectations(goldenPath: true));

        violations.ShouldHaveViolation(RunRules.GoldenOrder, "agent_completed never came").EventType.Should().Be("agent_completed");
        violations.ShouldHaveViolation(RunRules.GoldenOrder, "the golden path ends with agent_completed").EventType.Should().Be("agent_error");
        violations.ShouldOnlyBreak(RunRules.GoldenOrder);
    }

    [Fact]
    public void A_longer_run_with_several_thinking_events_and_tool_calls_is_the_golden_path()
    {
        // PROTOCOL.md §0: several agent_thinking events and tool calls; the rules of §3 still hold.
        var run = RunBuilder.Empty().Started().Thinking().Thinking("and the time").ToolExecuting("c1", "clock").ToolCompleted("c1", "clock")
            .Thinking("now the sum").ToolExecuting("c2").ToolCompleted("c2").Completed();

        run.Verify(run.Expectations(goldenPath: true)).ShouldBeClean();
    }

    [Fact]
    public void A_run_without_a_tool_is_valid_but_not_the_golden_path()
    {
        var run = RunBuilder.GoldenPath().RemoveEvent(3).RemoveEvent(2);

        run.Verify(run.Expectations()).ShouldBeClean();
        var violations = run.Verify(run.Expectations(goldenPath: true));
        violations.ShouldHaveViolation(RunRules.GoldenOrder, "tool_executing never came");
        violations.ShouldHaveViolation(RunRules.GoldenOrder, "tool_completed never came");
        violations.ShouldOnlyBreak(RunRules.GoldenOrder);
    }

    [Fact]
    public void Agent_completed_before_the_tool_events_breaks_golden_order()
    {
        var run = RunBuilder.GoldenPath().Move(4, 2);

        var violations = run.Verify(run.Expectations(goldenPath: true));

        violations.ShouldHaveViolation(RunRules.GoldenOrder, "the golden path ends with agent_completed").EventType.Should().Be("tool_completed");
    }

    [Fact]
    public void Tool_completed_before_tool_executing_breaks_golden_order()
    {
        var run = RunBuilder.GoldenPath().Move(3, 2);

        var violations = run.Verify(run.Expectations(goldenPath: true));

        violations.ShouldHaveViolation(RunRules.GoldenOrder, "tool_completed came before tool_executing").EventIndex.Should().Be(2);
    }

    [Fact]
    public void Agent_thinking_before_agent_started_breaks_golden_order()
    {
        var run = RunBuilder.GoldenPath().Move(1, 0);

        var violations = run.Verify(run.Expectations(goldenPath: true));

        violations.ShouldHaveViolation(RunRules.GoldenOrder, "agent_thinking came before agent_started");
    }

    [Fact]
    public void Golden_order_is_only_checked_when_asked_for()
    {
        var run = RunBuilder.GoldenPath().RemoveEvent(3).RemoveEvent(2);

        run.Verify(run.Expectations(goldenPath: false)).Should().NotContain(v => v.Rule == RunRules.GoldenOrder);
    }
}

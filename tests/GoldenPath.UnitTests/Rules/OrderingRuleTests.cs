using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>The ordering rules of PROTOCOL.md §3 (the run's state machine), each from a healthy run with one break.</summary>
[Unit]
public sealed class OrderingRuleTests
{
    [Fact]
    public void Agent_thinking_before_agent_started_breaks_started_first_once_and_nothing_else()
    {
        var violations = RunBuilder.GoldenPath().Move(1, 0).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.StartedFirst, "the run's first event must be agent_started");
        violation.EventIndex.Should().Be(0);
        violation.EventType.Should().Be("agent_thinking");
        violations.ShouldOnlyBreak(RunRules.StartedFirst);
    }

    [Fact]
    public void A_late_single_agent_started_is_not_reported_as_a_second_one()
    {
        var violations = RunBuilder.GoldenPath().Move(0, 2).Verify();

        violations.ShouldHaveViolation(RunRules.StartedFirst, "first event must be agent_started");
        violations.Should().NotContain(v => v.Rule == RunRules.StartedOnce, "there is only one agent_started");
    }

    [Fact]
    public void A_run_without_agent_started_breaks_started_first()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(0).Verify();

        violations.ShouldHaveViolation(RunRules.StartedFirst, "first event must be agent_started").EventType.Should().Be("agent_thinking");
    }

    [Fact]
    public void A_run_without_any_event_breaks_started_first()
    {
        var violations = RunBuilder.Empty().Verify();

        violations.ShouldHaveViolation(RunRules.StartedFirst, "the run has no events at all").EventIndex.Should().BeNull();
    }

    [Fact]
    public void A_second_agent_started_within_the_run_breaks_started_once()
    {
        var violations = RunBuilder.GoldenPath().Duplicate(0, at: 2).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.StartedOnce, "a second agent_started in the same run");
        violation.EventIndex.Should().Be(2);
        violations.ShouldOnlyBreak(RunRules.StartedOnce);
    }

    [Fact]
    public void A_tool_call_without_agent_thinking_before_it_breaks_thinking_before_tool()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(1).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.ThinkingBeforeTool, "a tool ran before any agent_thinking");
        violation.EventType.Should().Be("tool_executing");
        violations.ShouldOnlyBreak(RunRules.ThinkingBeforeTool);
    }

    [Fact]
    public void Agent_thinking_after_the_first_tool_call_is_too_late()
    {
        var violations = RunBuilder.GoldenPath().Move(1, 3).Verify();

        violations.ShouldHaveViolation(RunRules.ThinkingBeforeTool, "before any agent_thinking");
    }

    [Fact]
    public void A_second_tool_call_needs_no_second_thinking()
    {
        var violations = RunBuilder.Empty()
            .Started().Thinking()
            .ToolExecuting("call-1").ToolCompleted("call-1")
            .ToolExecuting("call-2", "clock").ToolCompleted("call-2", "clock")
            .Completed()
            .Verify();

        violations.ShouldBeClean();
    }

    [Fact]
    public void A_tool_call_left_open_at_agent_completed_breaks_tool_paired()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(3).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.ToolPaired, "the run ended while tool call 'call-1' had no tool_completed");
        violation.EventType.Should().Be("agent_completed");
        violations.ShouldOnlyBreak(RunRules.ToolPaired);
    }

    [Fact]
    public void A_tool_call_still_open_when_the_events_stop_breaks_tool_paired()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(4).RemoveEvent(3).Verify();

        violations.ShouldHaveViolation(RunRules.ToolPaired, "tool call 'call-1' was never completed");
    }

    [Fact]
    public void Tool_completed_without_tool_executing_breaks_tool_paired()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(2).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.ToolPaired, "tool_completed for tool_call_id 'call-1' with no tool_executing before it");
        violation.EventIndex.Should().Be(2);
        violations.ShouldOnlyBreak(RunRules.ToolPaired);
    }

    [Fact]
    public void Tool_completed_for_another_call_id_breaks_tool_paired_twice()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "tool_call_id", "call-9").Verify();

        violations.ShouldHaveViolation(RunRules.ToolPaired, "tool_completed for tool_call_id 'call-9' with no tool_executing");
        violations.ShouldHaveViolation(RunRules.ToolPaired, "tool call 'call-1' had no tool_completed");
    }

    [Fact]
    public void A_second_tool_completed_for_the_same_call_breaks_tool_paired()
    {
        var violations = RunBuilder.GoldenPath().Duplicate(3, at: 4).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.ToolPaired, "a second tool_completed for tool_call_id 'call-1'");
        violation.EventIndex.Should().Be(4);
        violations.ShouldOnlyBreak(RunRules.ToolPaired);
    }

    [Fact]
    public void A_tool_call_id_used_twice_breaks_tool_paired()
    {
        var violations = RunBuilder.Empty()
            .Started().Thinking()
            .ToolExecuting("call-1").ToolCompleted("call-1")
            .ToolExecuting("call-1").ToolCompleted("call-1")
            .Completed()
            .Verify();

        violations.ShouldHaveViolation(RunRules.ToolPaired, "tool_call_id 'call-1' was already used by another tool_executing");
    }

    [Fact]
    public void A_second_agent_completed_breaks_single_terminal()
    {
        var violations = RunBuilder.GoldenPath().Duplicate(4).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.SingleTerminal, "a second terminal event; a run ends exactly once");
        violation.EventIndex.Should().Be(5);
        violations.ShouldOnlyBreak(RunRules.SingleTerminal);
    }

    [Fact]
    public void Agent_error_after_agent_completed_breaks_single_terminal()
    {
        var violations = RunBuilder.GoldenPath().Error().Verify();

        violations.ShouldHaveViolation(RunRules.SingleTerminal, "a second terminal event").EventType.Should().Be("agent_error");
    }

    [Fact]
    public void A_run_without_a_terminal_event_breaks_single_terminal()
    {
        var violations = RunBuilder.GoldenPath().RemoveEvent(4).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.SingleTerminal, "the run has no terminal event (agent_completed or agent_error)");
        violation.EventIndex.Should().BeNull();
        violations.ShouldOnlyBreak(RunRules.SingleTerminal);
    }

    [Fact]
    public void An_event_after_agent_completed_breaks_nothing_after_terminal()
    {
        var violations = RunBuilder.GoldenPath().Thinking().Verify();

        var violation = violations.ShouldHaveViolation(RunRules.NothingAfterTerminal, "an event after the run's terminal event");
        violation.EventIndex.Should().Be(5);
        violation.EventType.Should().Be("agent_thinking");
        violations.ShouldOnlyBreak(RunRules.NothingAfterTerminal);
    }

    [Fact]
    public void Agent_completed_before_the_tool_events_breaks_nothing_after_terminal_for_each()
    {
        var violations = RunBuilder.GoldenPath().Move(4, 2).Verify();

        violations.Where(v => v.Rule == RunRules.NothingAfterTerminal).Select(v => v.EventIndex).Should().Equal(3, 4);
    }
}

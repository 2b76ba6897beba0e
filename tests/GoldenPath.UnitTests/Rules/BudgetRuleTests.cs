using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>The time budgets of PROTOCOL.md §5, on receive times the builder controls.</summary>
[Unit]
public sealed class BudgetRuleTests
{
    [Fact]
    public void A_handshake_over_budget_breaks_budget_handshake()
    {
        var run = RunBuilder.GoldenPath();

        var violations = run.Verify(run.Expectations() with { Handshake = TimeSpan.FromSeconds(6) });

        violations.ShouldHaveViolation(RunRules.HandshakeBudget, "connection_established took 6.000 s, over the 5.000 s budget").EventIndex.Should().BeNull();
        violations.ShouldOnlyBreak(RunRules.HandshakeBudget);
    }

    [Fact]
    public void A_handshake_exactly_at_budget_is_within_it()
    {
        var run = RunBuilder.GoldenPath();

        run.Verify(run.Expectations() with { Handshake = TimeSpan.FromSeconds(5) }).ShouldBeClean();
    }

    [Fact]
    public void Agent_started_late_after_the_user_message_breaks_budget_first_event()
    {
        var violations = RunBuilder.GoldenPath().GapBefore(0, TimeSpan.FromSeconds(3)).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.FirstEventBudget, "came 3.000 s after the user_message, over the 2.000 s budget");
        violation.EventIndex.Should().Be(0);
        violation.EventType.Should().Be("agent_started");
        violations.ShouldOnlyBreak(RunRules.FirstEventBudget);
    }

    [Fact]
    public void A_completion_over_budget_breaks_budget_completion_though_every_gap_is_short()
    {
        var run = RunBuilder.GoldenPath();
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            run.GapBefore(i, TimeSpan.FromSeconds(8));
        }

        // agent_started at +0.05 s, agent_completed at +32.05 s.
        var violations = run.Verify();

        var violation = violations.ShouldHaveViolation(RunRules.CompletionBudget, "came 32.050 s after the user_message, over the 30.000 s budget");
        violation.EventType.Should().Be("agent_completed");
        violation.EventIndex.Should().Be(4);
        violations.ShouldOnlyBreak(RunRules.CompletionBudget);
    }

    [Fact]
    public void Budget_completion_points_at_the_terminal_event_even_when_events_follow_it()
    {
        var run = RunBuilder.GoldenPath();
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            run.GapBefore(i, TimeSpan.FromSeconds(9));
        }

        run.Thinking(); // event #5, after the terminal event

        var violations = run.Verify();

        violations.ShouldHaveViolation(RunRules.CompletionBudget, "over the 30.000 s budget").EventIndex.Should().Be(4);
    }

    [Fact]
    public void A_long_gap_between_two_events_breaks_budget_gap()
    {
        var violations = RunBuilder.GoldenPath().GapBefore(3, TimeSpan.FromSeconds(11)).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.GapBudget, "came 11.000 s after the event before it, over the 10.000 s budget");
        violation.EventIndex.Should().Be(3);
        violation.EventType.Should().Be("tool_completed");
        violations.ShouldOnlyBreak(RunRules.GapBudget);
    }

    [Fact]
    public void Budget_gap_reports_the_largest_gap()
    {
        var violations = RunBuilder.GoldenPath().GapBefore(2, TimeSpan.FromSeconds(10.5)).GapBefore(4, TimeSpan.FromSeconds(12)).Verify();

        violations.Where(v => v.Rule == RunRules.GapBudget).Should().ContainSingle().Which.EventIndex.Should().Be(4);
    }

    [Fact]
    public void A_loosened_budget_accepts_what_the_default_would_not()
    {
        var run = RunBuilder.GoldenPath().GapBefore(3, TimeSpan.FromSeconds(11));

        run.Verify(run.Expectations() with { Budgets = new BudgetSettings { MaxGapSeconds = 20 } }).ShouldBeClean();
    }

    [Fact]
    public void Without_budgets_no_time_is_checked()
    {
        var run = RunBuilder.GoldenPath().GapBefore(0, TimeSpan.FromSeconds(60)).GapBefore(3, TimeSpan.FromSeconds(60));

        run.Verify(run.Expectations() with { Budgets = null, Handshake = TimeSpan.FromMinutes(1) }).ShouldBeClean();
    }

    [Fact]
    public void Without_the_send_time_only_handshake_and_gaps_are_checked()
    {
        var run = RunBuilder.GoldenPath().GapBefore(0, TimeSpan.FromSeconds(60));

        run.Verify(run.Expectations() with { SentAt = null }).ShouldBeClean();
    }
}

using System.Reflection;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>
/// One broken run per rule of <see cref="RunRules"/>, each a healthy golden-path run with one thing broken;
/// and a guard that a new rule cannot be added without a case here.
/// </summary>
[Unit]
public sealed class RuleCatalogTests
{
    private static readonly Dictionary<string, (string Rule, string MessagePart, Func<IReadOnlyList<RuleViolation>> Verify)> Cases = new()
    {
        ["thinking before started"] = (RunRules.StartedFirst, "first event must be agent_started",
            () => RunBuilder.GoldenPath().Move(1, 0).Verify()),
        ["second agent_started"] = (RunRules.StartedOnce, "a second agent_started",
            () => RunBuilder.GoldenPath().Duplicate(0, at: 2).Verify()),
        ["no thinking before the tool"] = (RunRules.ThinkingBeforeTool, "a tool ran before any agent_thinking",
            () => RunBuilder.GoldenPath().RemoveEvent(1).Verify()),
        ["tool_executing without tool_completed"] = (RunRules.ToolPaired, "had no tool_completed",
            () => RunBuilder.GoldenPath().RemoveEvent(3).Verify()),
        ["second agent_completed"] = (RunRules.SingleTerminal, "a second terminal event",
            () => RunBuilder.GoldenPath().Duplicate(4).Verify()),
        ["thinking after agent_completed"] = (RunRules.NothingAfterTerminal, "after the run's terminal event",
            () => RunBuilder.GoldenPath().Thinking().Verify()),
        ["agent_error instead of agent_completed"] = (RunRules.GoldenOrder, "agent_completed never came",
            () => RunBuilder.ErrorPath().Verify(RunBuilder.ErrorPath().Expectations(goldenPath: true))),
        ["tool_executing without parameters"] = (RunRules.RequiredFields, "'parameters' is missing",
            () => RunBuilder.GoldenPath().Without(2, "parameters").Verify()),
        ["another user's user_id"] = (RunRules.Recipient, "user_id is 'user-mallory' but this connection belongs to 'user-alice'",
            () => RunBuilder.GoldenPath().Set(3, "user_id", "user-mallory").Verify()),
        ["a thread other than the ack's"] = (RunRules.Correlation, "but the message_ack named thread 'thread-from-ack'",
            () => RunBuilder.GoldenPath().Verify(RunBuilder.GoldenPath().Expectations() with { ThreadId = "thread-from-ack" })),
        ["the first event before the ack"] = (RunRules.AckFirst, "came before its message_ack",
            () => RunBuilder.GoldenPath().Verify(RunBuilder.GoldenPath().Expectations() with { Ack = RunBuilder.Ack(atIndex: 2) })),
        ["two events with one event_id"] = (RunRules.EventIdUnique, "was already used by event #0",
            () => RunBuilder.GoldenPath().Set(0, "event_id", "evt-x").Set(4, "event_id", "evt-x").Verify()),
        ["another run's run_id"] = (RunRules.Correlation, "run_id is 'run-other', not 'run-7f3a'",
            () => RunBuilder.GoldenPath().Set(2, "run_id", "run-other").Verify()),
        ["fields under data"] = (RunRules.StrictShape, "field 'event_id' is under 'data'",
            () => RunBuilder.GoldenPath(Fixtures.Recording.EventShape.Data).Verify()),
        ["slow handshake"] = (RunRules.HandshakeBudget, "connection_established took 5.500 s, over the 5.000 s budget",
            () => RunBuilder.GoldenPath().Verify(RunBuilder.GoldenPath().Expectations() with { Handshake = TimeSpan.FromSeconds(5.5) })),
        ["slow agent_started"] = (RunRules.FirstEventBudget, "came 2.500 s after the user_message, over the 2.000 s budget",
            () => RunBuilder.GoldenPath().GapBefore(0, TimeSpan.FromSeconds(2.5)).Verify()),
        ["slow completion"] = (RunRules.CompletionBudget, "after the user_message, over the 30.000 s budget",
            () => Slow(TimeSpan.FromSeconds(8)).Verify()),
        ["long gap"] = (RunRules.GapBudget, "came 10.500 s after the event before it, over the 10.000 s budget",
            () => RunBuilder.GoldenPath().GapBefore(3, TimeSpan.FromSeconds(10.5)).Verify()),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_broken_run_names_its_rule_and_says_what_broke(string name)
    {
        var (rule, messagePart, verify) = Cases[name];

        var violations = verify();

        violations.ShouldHaveViolation(rule, messagePart);
    }

    [Fact]
    public void Every_rule_has_a_broken_run_in_the_catalog()
    {
        var rules = typeof(RunRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        rules.Should().HaveCount(17);
        Cases.Values.Select(c => c.Rule).Distinct().Should().BeEquivalentTo(rules);
    }

    // Five events 8 s apart: every gap is within budget, but agent_completed comes 40 s after the user_message.
    private static RunBuilder Slow(TimeSpan gap)
    {
        var run = RunBuilder.GoldenPath();
        for (var i = 0; i < run.Count; i++)
        {
            run.GapBefore(i, gap);
        }

        return run;
    }
}

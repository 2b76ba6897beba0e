using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>Whose the events are (recipient, same-run) and how they are shaped (strict-shape).</summary>
[Trait("Category", "Unit")]
public sealed class IdentityAndShapeRuleTests
{
    [Fact]
    public void An_event_carrying_another_users_id_breaks_recipient()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "user_id", "user-mallory").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.Recipient, "user_id is 'user-mallory' but this connection belongs to 'user-alice'");
        violation.EventIndex.Should().Be(3);
        violations.ShouldOnlyBreak(RunRules.Recipient);
    }

    [Fact]
    public void Recipient_is_not_checked_when_the_connections_user_is_unknown()
    {
        var run = RunBuilder.GoldenPath().Set(3, "user_id", "user-mallory");

        run.Verify(run.Expectations() with { RecipientUserId = null }).ShouldBeClean();
    }

    [Fact]
    public void An_event_of_another_run_breaks_same_run()
    {
        var violations = RunBuilder.GoldenPath().Set(2, "run_id", "run-other").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.SameRun, "run_id is 'run-other', not 'run-7f3a'");
        violation.EventIndex.Should().Be(2);
        violations.ShouldOnlyBreak(RunRules.SameRun);
    }

    [Fact]
    public void A_thread_id_that_changes_within_the_run_breaks_same_run()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "thread_id", "thread-other").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.SameRun, "thread_id changed within the run: 'thread-91c2' then 'thread-other'");
        violation.EventIndex.Should().Be(3);
    }

    [Theory]
    [InlineData(EventShape.Data, "data")]
    [InlineData(EventShape.Payload, "payload")]
    public void Nested_fields_break_strict_shape_naming_field_and_container(EventShape shape, string container)
    {
        var violations = RunBuilder.GoldenPath(shape).Verify();

        violations.ShouldHaveViolation(RunRules.StrictShape, $"field 'event_id' is under '{container}'");
        violations.Single(v => v.Rule == RunRules.StrictShape && v.EventIndex == 2).Message
            .Should().Contain("tool_call_id").And.Contain("parameters").And.Contain("PROTOCOL.md §3 wants a flat object");
        violations.Where(v => v.Rule == RunRules.StrictShape).Should().HaveCount(5, "every event of the run is nested");
        violations.ShouldOnlyBreak(RunRules.StrictShape);
    }

    [Fact]
    public void A_single_field_under_data_is_named_by_strict_shape()
    {
        // run_id and event_id at the top would make the frame flat; here they are the nested ones.
        var violations = RunBuilder.GoldenPath()
            .Raw("""{"type":"agent_thinking","thread_id":"thread-91c2","user_id":"user-alice","agent_name":"reference-agent","timestamp":"2025-06-01T12:00:00.120Z","reasoning":"again","data":{"run_id":"run-7f3a","event_id":"evt-099"}}""")
            .Move(5, 2)
            .Verify();

        var violation = violations.ShouldHaveViolation(RunRules.StrictShape, "field 'run_id' is under 'data' (run_id, event_id)");
        violation.EventIndex.Should().Be(2);
        violations.ShouldOnlyBreak(RunRules.StrictShape);
    }
}

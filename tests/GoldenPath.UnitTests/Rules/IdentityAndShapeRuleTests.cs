using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>Whose the events are (recipient, correlation, ack-first, event-id-unique) and how they are shaped (strict-shape).</summary>
[Unit]
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
    public void An_event_of_another_run_breaks_correlation()
    {
        var violations = RunBuilder.GoldenPath().Set(2, "run_id", "run-other").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.Correlation, "run_id is 'run-other', not 'run-7f3a'");
        violation.EventIndex.Should().Be(2);
        violations.ShouldOnlyBreak(RunRules.Correlation);
    }

    [Fact]
    public void A_thread_id_that_changes_within_the_run_breaks_correlation()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "thread_id", "thread-other").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.Correlation, "thread_id changed within the run: 'thread-91c2' then 'thread-other'");
        violation.EventIndex.Should().Be(3);
    }

    [Fact]
    public void A_thread_id_other_than_the_acks_breaks_correlation_from_the_first_event()
    {
        var run = RunBuilder.GoldenPath();

        var violations = run.Verify(run.Expectations() with { ThreadId = "thread-from-ack" });

        violations.ShouldHaveViolation(RunRules.Correlation, "thread_id is 'thread-91c2', but the message_ack named thread 'thread-from-ack'").EventIndex.Should().Be(0);
        violations.ShouldOnlyBreak(RunRules.Correlation);
    }

    [Fact]
    public void The_acks_thread_on_every_event_is_clean()
    {
        var run = RunBuilder.GoldenPath();

        run.Verify(run.Expectations() with { ThreadId = RunBuilder.ThreadId }).ShouldBeClean();
    }

    [Fact]
    public void An_event_before_the_ack_on_the_sending_connection_breaks_ack_first()
    {
        var run = RunBuilder.GoldenPath();

        var violations = run.Verify(run.Expectations() with { Ack = RunBuilder.Ack(atIndex: 1) });

        violations.ShouldHaveViolation(RunRules.AckFirst, "the run's first event came before its message_ack").EventIndex.Should().Be(0);
        violations.ShouldOnlyBreak(RunRules.AckFirst);
    }

    [Fact]
    public void An_ack_before_the_first_event_is_clean()
    {
        var run = RunBuilder.GoldenPath();

        run.Verify(run.Expectations() with { Ack = RunBuilder.Ack(atIndex: -1) }).ShouldBeClean();
    }

    [Fact]
    public void Two_events_with_one_event_id_break_event_id_unique()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "event_id", "evt-same").Set(1, "event_id", "evt-same").Verify();

        violations.ShouldHaveViolation(RunRules.EventIdUnique, "event_id 'evt-same' was already used by event #1 (agent_thinking)").EventIndex.Should().Be(3);
        violations.ShouldOnlyBreak(RunRules.EventIdUnique);
    }

    [Fact]
    public void Short_opaque_ids_are_as_good_as_uuids()
    {
        var run = RunBuilder.GoldenPath();
        for (var i = 0; i < run.Count; i++)
        {
            run.Set(i, "event_id", $"{i + 1}").Set(i, "run_id", "42").Set(i, "thread_id", "7").Set(i, "user_id", "42");
        }

        run.Verify(new RunExpectations("42") { RecipientUserId = "42", ThreadId = "7", GoldenPath = true }).ShouldBeClean();
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

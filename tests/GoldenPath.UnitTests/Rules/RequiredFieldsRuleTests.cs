using System.Text.Json.Nodes;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>The fields PROTOCOL.md §3 requires of every event and of each event type.</summary>
[Unit]
public sealed class RequiredFieldsRuleTests
{
    // Golden path indexes: 0 agent_started, 1 agent_thinking, 2 tool_executing, 3 tool_completed, 4 agent_completed.
    [Theory]
    [InlineData(0, "event_id")]
    [InlineData(1, "run_id")]
    [InlineData(2, "thread_id")]
    [InlineData(3, "user_id")]
    [InlineData(4, "agent_name")]
    [InlineData(0, "timestamp")]
    public void A_missing_common_field_breaks_required_fields(int index, string field)
    {
        var violations = RunBuilder.GoldenPath().Without(index, field).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.RequiredFields, $"'{field}' is missing or not a non-empty string");
        violation.EventIndex.Should().Be(index);
    }

    [Fact]
    public void An_empty_or_non_string_common_field_breaks_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Set(0, "agent_name", "").Set(1, "event_id", 42).Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'agent_name' is missing or not a non-empty string").EventIndex.Should().Be(0);
        violations.ShouldHaveViolation(RunRules.RequiredFields, "'event_id' is missing or not a non-empty string").EventIndex.Should().Be(1);
    }

    [Theory]
    [InlineData(1, "reasoning")]
    [InlineData(2, "tool_name")]
    [InlineData(2, "tool_call_id")]
    [InlineData(2, "parameters")]
    [InlineData(3, "tool_name")]
    [InlineData(3, "results")]
    [InlineData(3, "success")]
    [InlineData(3, "duration_ms")]
    [InlineData(4, "status")]
    [InlineData(4, "final_response")]
    [InlineData(4, "duration_ms")]
    public void A_missing_field_of_the_event_type_breaks_required_fields(int index, string field)
    {
        var violations = RunBuilder.GoldenPath().Without(index, field).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.RequiredFields, $"'{field}' is missing");
        violation.EventIndex.Should().Be(index);
    }

    [Fact]
    public void Agent_error_without_error_breaks_required_fields()
    {
        var violations = RunBuilder.ErrorPath().Without(4, "error").Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'error' is missing").EventType.Should().Be("agent_error");
    }

    [Fact]
    public void A_null_field_counts_as_missing()
    {
        var violations = RunBuilder.GoldenPath().Set(4, "final_response", null).Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'final_response' is missing");
    }

    [Fact]
    public void Parameters_that_are_not_an_object_break_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Set(2, "parameters", "17 * 23").Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'parameters' is String, not Object");
    }

    [Fact]
    public void Duration_ms_as_a_string_breaks_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "duration_ms", "12").Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'duration_ms' is String, not Number");
    }

    [Fact]
    public void Success_that_is_not_a_boolean_breaks_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Set(3, "success", "true").Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'success' is not a boolean");
    }

    [Fact]
    public void A_status_other_than_completed_breaks_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Set(4, "status", "done").Verify();

        var violation = violations.ShouldHaveViolation(RunRules.RequiredFields, "'status' is 'done', not 'completed'");
        violation.EventType.Should().Be("agent_completed");
        violations.ShouldOnlyBreak(RunRules.RequiredFields);
    }

    [Theory]
    [InlineData("2025-06-01T14:00:00.000+02:00")]
    [InlineData("2025-06-01T12:00:00.000")]
    [InlineData("yesterday")]
    public void A_timestamp_that_is_not_a_utc_instant_breaks_required_fields(string timestamp)
    {
        var violations = RunBuilder.GoldenPath().Set(1, "timestamp", timestamp).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.RequiredFields, $"'timestamp' is not an ISO-8601 UTC instant: '{timestamp}'");
        violation.EventIndex.Should().Be(1);
        violations.ShouldOnlyBreak(RunRules.RequiredFields);
    }

    [Theory]
    [InlineData("2025-06-01T12:00:00Z")]
    [InlineData("2025-06-01T12:00:00.123456Z")]
    [InlineData("2025-06-01T12:00:00+00:00")]
    public void A_utc_timestamp_in_any_iso_form_is_accepted(string timestamp)
    {
        RunBuilder.GoldenPath().Set(1, "timestamp", timestamp).Verify().ShouldBeClean();
    }

    [Fact]
    public void An_event_type_protocol_md_does_not_know_breaks_required_fields()
    {
        var violations = RunBuilder.GoldenPath().Event("agent_pondering", ("reasoning", "hm")).Move(5, 2).Verify();

        violations.ShouldHaveViolation(RunRules.RequiredFields, "'agent_pondering' is not an event type of PROTOCOL.md §3");
    }

    [Fact]
    public void A_frame_that_is_not_json_breaks_required_fields_at_its_index()
    {
        var violations = RunBuilder.GoldenPath().Raw("not json {").Move(5, 2).Verify();

        var violation = violations.ShouldHaveViolation(RunRules.RequiredFields, "the frame is not a JSON object with a type");
        violation.EventIndex.Should().Be(2);
    }

    [Fact]
    public void Events_after_a_frame_that_is_not_json_keep_their_own_index()
    {
        var violations = RunBuilder.GoldenPath().Raw("[1, 2]").Move(5, 1).Duplicate(0).Verify();

        // frames: 0 started, 1 garbage, 2 thinking, 3 executing, 4 completed, 5 agent_completed, 6 agent_started (after the terminal)
        violations.ShouldHaveViolation(RunRules.NothingAfterTerminal, "after the run's terminal event").EventIndex.Should().Be(6);
    }

    // Golden path indexes: 0 agent_started, 1 agent_thinking, 2 tool_executing, 3 tool_completed, 4 agent_completed.
    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(0, "event_id", "'event_id' is missing or not a non-empty string")]
    [InlineData(1, "reasoning", "'reasoning' is Number, not String")]
    [InlineData(3, "success", "'success' is not a boolean")]
    [InlineData(4, "status", "'status' is Number, not String")]
    public void IsComplete_and_Problems_find_the_one_broken_field_and_nothing_else(int index, string? field, string? problem)
    {
        var run = RunBuilder.GoldenPath();
        if (field is not null)
        {
            run.Set(index, field, 7);
        }

        foreach (var (e, i) in run.Frames().Select((f, i) => (f.Event!, i)))
        {
            var broken = i == index;
            RequiredFields.IsComplete(e).Should().Be(!broken, "for event #{0} ({1})", i, e.Type);
            RequiredFields.Problems(e).Should().Equal(broken ? [problem!] : [], "for event #{0} ({1})", i, e.Type);
        }
    }

    [Fact]
    public void Results_may_be_any_json_value()
    {
        RunBuilder.GoldenPath().Set(3, "results", new JsonArray(1, 2)).Verify().ShouldBeClean();
        RunBuilder.GoldenPath().Set(3, "results", "391").Verify().ShouldBeClean();
    }
}

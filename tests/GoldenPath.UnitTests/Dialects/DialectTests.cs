using System.Text.Json;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Dialects;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Dialects;

/// <summary>PROTOCOL.md §6: a dialect is data, checked at load; frames are read into §3's model through it; what it lacks is said.</summary>
[Unit]
public sealed class DialectTests
{
    private static Dialect Netra => DialectLoader.Load("netra-apex");

    // One whole run as the netra-apex wire sends it: agent_started and the tool events with their fields under data and no
    // thread_id; agent_thinking and agent_completed flat, user_id null; no event_id, no tool_call_id, execution_time_ms.
    private static readonly string[] NetraRun =
    [
        """{"type":"agent_started","run_id":"run-1","user_id":"u-1","agent_name":"supervisor","timestamp":"2025-09-18T10:00:00.100+00:00","data":{"status":"started"}}""",
        """{"timestamp":"2025-09-18T10:00:00.200+00:00","critical":true,"type":"agent_thinking","run_id":"run-1","thread_id":"t-1","request_id":"q","user_id":null,"agent_name":"supervisor","reasoning":"a sum","step_number":1}""",
        """{"type":"tool_executing","run_id":"run-1","user_id":"u-1","agent_name":"supervisor","timestamp":"2025-09-18T10:00:00.300+00:00","tool_name":"calculator","data":{"parameters":{"expression":"17 * 23"}}}""",
        """{"type":"tool_completed","run_id":"run-1","user_id":"u-1","agent_name":"supervisor","timestamp":"2025-09-18T10:00:00.400+00:00","tool_name":"calculator","results":{"value":391},"data":{"result":{"value":391},"execution_time_ms":3}}""",
        """{"timestamp":"2025-09-18T10:00:00.500+00:00","critical":true,"type":"agent_completed","run_id":"run-1","thread_id":"t-1","request_id":"q","user_id":null,"agent_name":"supervisor","status":"completed","final_response":"391","execution_time_ms":400}""",
    ];

    [Fact]
    public void Both_shipped_dialects_load_and_the_default_is_protocol_1_2()
    {
        DialectLoader.Known().Should().Contain(["protocol-1.2", "netra-apex"]);
        DialectLoader.Default.Name.Should().Be("protocol-1.2");
        DialectLoader.Default.Ack.Should().NotBeNull();
        Netra.Ack.Should().BeNull("Netra Apex sends no message_ack");
        Netra.EventTypeOfWireName["agent_failed"].Should().Be("agent_error");
    }

    [Fact]
    public void An_environment_chooses_its_dialect_and_GOLDENPATH__Protocol__Dialect_overrides_it()
    {
        var directory = RepositoryLayout.EnvironmentsDirectory;
        EnvironmentLoader.Load("local", directory, new Dictionary<string, string?>()).Dialect.Name.Should().Be("protocol-1.2");
        EnvironmentLoader.Load("local", directory, new Dictionary<string, string?> { ["GOLDENPATH__Protocol__Dialect"] = "netra-apex" }).Dialect.Name.Should().Be("netra-apex");

        var unknown = () => EnvironmentLoader.Load("local", directory, new Dictionary<string, string?> { ["GOLDENPATH__Protocol__Dialect"] = "nope" });
        unknown.Should().Throw<EnvironmentConfigurationException>().WithMessage("*protocol.dialect*dialect 'nope' not found*Known dialects: *netra-apex*protocol-1.2*");
    }

    [Fact]
    public void A_dialect_file_that_breaks_the_schema_is_refused_naming_the_json_path()
    {
        var directory = Directory.CreateTempSubdirectory("dialects").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(RepositoryLayout.DialectsDirectory, "netra-apex.json")).Replace("\"layouts\": [\"data\"]", "\"layouts\": [\"under\"]");
            File.WriteAllText(Path.Combine(directory, "netra-apex.json"), text);

            var load = () => DialectLoader.Load("netra-apex", directory);

            load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*does not match*$.events.agent_started.layouts.0: Value should match one of*\"flat\", \"data\"*").Which.Message.Should().NotContain("$.ack", "an anyOf that one branch satisfies is no problem");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void A_field_under_data_in_a_flat_only_layout_is_refused_at_load()
    {
        var directory = Directory.CreateTempSubdirectory("dialects").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(RepositoryLayout.DialectsDirectory, "netra-apex.json"))
                .Replace("\"duration_ms\": \"execution_time_ms\"", "\"duration_ms\": \"data.execution_time_ms\"");
            File.WriteAllText(Path.Combine(directory, "netra-apex.json"), text);

            var load = () => DialectLoader.Load("netra-apex", directory);

            load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*$.events.agent_completed.fields.duration_ms*needs the layout \"data\"*");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void Netra_frames_are_read_into_section_3_s_model_with_what_they_lack_marked_absent()
    {
        var tool = Read(NetraRun[3]);

        tool.Type.Should().Be("tool_completed");
        tool.Misplaced.Should().BeEmpty();
        tool.Fields["duration_ms"].GetInt32().Should().Be(3, "duration_ms is data.execution_time_ms in netra-apex");
        tool.Absent.Should().Contain(["event_id", "thread_id", "tool_call_id", "success"]);
        RequiredFields.Problems(tool).Should().BeEmpty();

        var thinking = Read(NetraRun[1]);
        thinking.UserId.Should().BeNull("netra-apex's agent_thinking carries no recipient user_id");
        thinking.ThreadId.Should().Be("t-1");
    }

    [Fact]
    public void A_whole_netra_run_is_clean_under_its_dialect_and_tools_pair_by_order_and_name()
    {
        var frames = NetraRun.Select((raw, i) => RecordedFrame.Parse(i, TimeSpan.FromMilliseconds(i * 10), raw, dialect: Netra)).ToArray();

        RunVerifier.Verify(frames, new RunExpectations("run-1") { RecipientUserId = "u-1", GoldenPath = true }).Should().BeEmpty();
    }

    [Fact]
    public void The_same_netra_run_read_as_protocol_1_2_breaks_its_rules()
    {
        var frames = NetraRun.Select((raw, i) => RecordedFrame.Parse(i, TimeSpan.FromMilliseconds(i * 10), raw, dialect: DialectLoader.Default)).ToArray();

        var rules = RunVerifier.Verify(frames, new RunExpectations("run-1") { RecipientUserId = "u-1", GoldenPath = true }).Select(v => v.Rule).Distinct();

        rules.Should().Contain([RunRules.RequiredFields, RunRules.StrictShape, RunRules.Recipient]);
    }

    [Fact]
    public void A_field_elsewhere_than_the_dialect_declares_is_strict_shape_naming_both_places()
    {
        // parameters at the top of a netra tool_executing, which puts it under data
        var frame = RecordedFrame.Parse(2, TimeSpan.Zero, NetraRun[2].Replace("\"data\":{\"parameters\":{\"expression\":\"17 * 23\"}}", "\"parameters\":{\"expression\":\"17 * 23\"}"), dialect: Netra);
        var frames = NetraRun.Select((raw, i) => i == 2 ? frame : RecordedFrame.Parse(i, TimeSpan.Zero, raw, dialect: Netra)).ToArray();

        var violation = RunVerifier.Verify(frames, new RunExpectations("run-1")).Should().ContainSingle().Subject;

        violation.Rule.Should().Be(RunRules.StrictShape);
        violation.Message.Should().Be("field 'parameters' is at $.parameters, but dialect netra-apex puts it at $.data.parameters (schema drift)");
    }

    [Fact]
    public void A_second_completion_of_a_tool_with_one_call_breaks_tool_paired_without_tool_call_ids()
    {
        var raw = NetraRun.ToList();
        raw.Insert(4, NetraRun[3]);
        var frames = raw.Select((r, i) => RecordedFrame.Parse(i, TimeSpan.Zero, r, dialect: Netra)).ToArray();

        RunVerifier.Verify(frames, new RunExpectations("run-1")).Select(v => v.ToString()).Should().ContainSingle()
            .Which.Should().Be("tool-paired at event #4 (tool_completed): tool_completed for tool_call_id 'calculator call 2' with no tool_executing before it");
    }

    [Fact]
    public void The_welcome_and_error_frames_are_read_in_their_section_3_roles()
    {
        var welcome = Read("""{"type":"connection_established","data":{"mode":"main","user_id":"12345678...","connection_id":"main_abc","timestamp":"2025-09-18T10:00:00+00:00"},"timestamp":1758189600.5,"server_id":null}""");
        welcome.Type.Should().Be("connection_established");
        welcome.String("connection_id").Should().Be("main_abc");
        welcome.Absent.Should().BeEquivalentTo("user_id", "server_time");

        var error = Read("""{"type":"error_message","error_code":"AUTH_FAILED","error_message":"bad token","details":{},"timestamp":1758189600.5,"recovery_suggestions":null}""");
        error.Type.Should().Be("error");
        error.WireType.Should().Be("error_message");
        error.String("error_code").Should().Be("AUTH_FAILED");
        error.String("message").Should().Be("bad token");
    }

    [Fact]
    public void What_netra_lacks_is_listed_as_not_checkable_and_protocol_1_2_lacks_nothing()
    {
        DialectCoverage.Of(DialectLoader.Default).Should().BeEmpty();

        var rules = DialectCoverage.Of(Netra).Select(n => n.Rule).ToArray();

        rules.Should().Contain([RunRules.AckFirst, RunRules.EventIdUnique, RunRules.ToolPaired, RunRules.Recipient, RunRules.Correlation, "agent.error-run", "ws.welcome", JourneyRules.HistoryStored, "http.messages"]);
        DialectCoverage.Of(Netra).Single(n => n.Rule == RunRules.Recipient).Why.Should().Contain("agent_thinking").And.Contain("agent_completed");
    }

    [Fact]
    public void The_history_bodies_are_read_where_the_dialect_puts_them()
    {
        var threads = JsonDocument.Parse("""[{"id":"t-1","object":"thread","title":"x","created_at":1758189600}]""").RootElement;
        var messages = JsonDocument.Parse("""{"thread_id":"t-1","messages":[{"id":"m1","role":"user","content":"q"},{"id":"m2","role":"assistant","content":"391"}],"total":2}""").RootElement;

        Netra.History.ThreadItems(threads)!.Select(Netra.History.ThreadIdOf).Should().Equal("t-1");
        Netra.History.MessageItems(messages)!.Select(Netra.History.RoleOf).Should().Equal("user", "assistant");
        DialectLoader.Default.History.MessageItems(messages).Should().BeNull("protocol-1.2's messages are the body itself, an array");
    }

    [Fact]
    public void A_first_run_fits_the_dialect_it_is_spoken_in_and_names_the_rule_in_another()
    {
        FirstRunFit.Problem(NetraRun, Netra).Should().BeNull();
        FirstRunFit.Problem(NetraRun, DialectLoader.Default).Should().StartWith("required-fields at event #0 (agent_started): 'event_id' is missing");
    }

    [Fact]
    public void A_netra_welcome_fits_netra_apex_and_not_protocol_1_2()
    {
        var welcome = JsonDocument.Parse("""{"type":"connection_established","data":{"user_id":"12345678...","connection_id":"main_abc"},"timestamp":1.5}""").RootElement;

        DialectFit.WelcomeFits(welcome).Should().Equal("netra-apex");
        DialectFit.WelcomeProblem(welcome, DialectLoader.Default).Should().Be("it has no connection_id at $.connection_id, no user_id at $.user_id, no server_time at $.server_time");
    }

    private static AgentEvent Read(string raw) => EventNormalizer.Normalize(JsonDocument.Parse(raw).RootElement.Clone(), Netra)!;
}

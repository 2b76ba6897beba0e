using System.Text.Json;
using GoldenPath.Fixtures.Recording;

namespace GoldenPath.UnitTests.Recording;

[Unit]
public sealed class EventNormalizerTests
{
    [Fact]
    public void A_flat_frame_keeps_its_fields_and_has_nothing_nested()
    {
        var e = Normalize("""{"type":"agent_thinking","event_id":"e1","run_id":"r1","thread_id":"t1","user_id":"u1","agent_name":"a","timestamp":"2025-06-01T12:00:00Z","reasoning":"why"}""");

        e.Should().NotBeNull();
        e!.Shape.Should().Be(EventShape.Flat);
        e.Type.Should().Be("agent_thinking");
        e.RunId.Should().Be("r1");
        e.ThreadId.Should().Be("t1");
        e.UserId.Should().Be("u1");
        e.String("reasoning").Should().Be("why");
        e.NestedFields.Should().BeEmpty();
        e.HasUtcTimestamp.Should().BeTrue();
    }

    [Theory]
    [InlineData("data", EventShape.Data)]
    [InlineData("payload", EventShape.Payload)]
    public void Fields_under_data_or_payload_are_brought_to_the_top_and_remembered_as_nested(string container, EventShape shape)
    {
        var e = Normalize("""{"type":"tool_executing",""" + $"\"{container}\":" + """{"event_id":"e1","run_id":"r1","tool_call_id":"c1","parameters":{"expression":"1 + 1"}}}""");

        e.Should().NotBeNull();
        e!.Shape.Should().Be(shape);
        e.Type.Should().Be("tool_executing");
        e.RunId.Should().Be("r1");
        e.ToolCallId.Should().Be("c1");
        e.Has("parameters", JsonValueKind.Object).Should().BeTrue();
        e.NestedFields.Should().Equal("event_id", "run_id", "tool_call_id", "parameters");
        e.Fields.Should().NotContainKey(container, "the container itself is not a field of the event");
    }

    [Fact]
    public void A_type_specific_field_moved_under_data_beside_flat_run_fields_is_nested_drift()
    {
        var e = Normalize("""{"type":"agent_thinking","event_id":"e1","run_id":"r1","thread_id":"t1","user_id":"u1","agent_name":"a","timestamp":"2025-06-01T12:00:00Z","data":{"reasoning":"why"}}""");

        e!.Shape.Should().Be(EventShape.Data);
        e.NestedFields.Should().Equal("reasoning");
        e.String("reasoning").Should().Be("why");
    }

    [Fact]
    public void An_extra_data_object_beside_a_complete_flat_event_is_latitude()
    {
        var e = Normalize("""{"type":"agent_thinking","event_id":"e1","run_id":"r1","thread_id":"t1","user_id":"u1","agent_name":"a","timestamp":"2025-06-01T12:00:00Z","reasoning":"why","data":{"reasoning":"other","trace":"x"}}""");

        e!.Shape.Should().Be(EventShape.Flat);
        e.String("reasoning").Should().Be("why");
    }

    [Fact]
    public void A_top_level_field_wins_over_a_nested_one_of_the_same_name()
    {
        var e = Normalize("""{"type":"agent_started","user_id":"top","data":{"run_id":"r1","user_id":"nested"}}""");

        e!.Shape.Should().Be(EventShape.Data);
        e.UserId.Should().Be("top");
        e.NestedFields.Should().Equal("run_id");
    }

    [Fact]
    public void A_flat_frame_that_also_has_a_payload_field_stays_flat()
    {
        var e = Normalize("""{"type":"user_message","message_id":"m1","payload":{"content":"hi"},"run_id":"r1"}""");

        e!.Shape.Should().Be(EventShape.Flat);
        e.Has("payload", JsonValueKind.Object).Should().BeTrue();
        e.String("content").Should().BeNull();
    }

    [Fact]
    public void A_frame_without_run_fields_and_without_a_container_is_flat()
    {
        var e = Normalize("""{"type":"pong"}""");

        e!.Shape.Should().Be(EventShape.Flat);
        e.Type.Should().Be("pong");
        e.RunId.Should().BeNull();
    }

    [Theory]
    [InlineData("""[{"type":"agent_started"}]""")]
    [InlineData("\"agent_started\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_frame_that_is_not_an_object_is_no_event(string json)
    {
        Normalize(json).Should().BeNull();
    }

    [Theory]
    [InlineData("""{"event_id":"e1","run_id":"r1"}""")]
    [InlineData("""{"type":7,"run_id":"r1"}""")]
    [InlineData("""{"type":null,"run_id":"r1"}""")]
    [InlineData("""{"data":{"type":"agent_started","run_id":"r1"}}""")]
    public void A_frame_without_a_string_type_at_the_top_is_no_event(string json)
    {
        Normalize(json).Should().BeNull();
    }

    [Fact]
    public void Recorded_frame_parse_keeps_raw_text_and_time_of_a_frame_that_is_not_json()
    {
        var frame = RecordedFrame.Parse(3, TimeSpan.FromSeconds(1.5), "{not json");

        frame.Index.Should().Be(3);
        frame.At.Should().Be(TimeSpan.FromSeconds(1.5));
        frame.Raw.Should().Be("{not json");
        frame.Json.Should().BeNull();
        frame.Event.Should().BeNull();
        frame.Type.Should().BeNull();
        frame.RunId.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"type":"pong"} {"type":"pong"}""")]
    [InlineData("""{"type":"pong"},""")]
    [InlineData("")]
    public void Recorded_frame_parse_takes_a_frame_with_anything_but_one_json_value_as_not_json(string raw)
    {
        RecordedFrame.Parse(0, TimeSpan.Zero, raw).Json.Should().BeNull();
    }

    [Fact]
    public void Recorded_frame_parse_accepts_whitespace_around_the_value_and_escaped_names()
    {
        var frame = RecordedFrame.Parse(0, TimeSpan.Zero, " {\"type\":\"agent_started\",\"run\\u005fid\":\"r1\"}\n");

        frame.Type.Should().Be("agent_started");
        frame.RunId.Should().Be("r1");
    }

    [Fact]
    public void Recorded_frame_parse_reads_a_received_event_but_not_a_sent_one()
    {
        const string raw = """{"type":"message_ack","message_id":"m1","thread_id":"t1","run_id":"r1"}""";

        var received = RecordedFrame.Parse(0, TimeSpan.Zero, raw);
        var sent = RecordedFrame.Parse(0, TimeSpan.Zero, raw, outgoing: true);

        received.Type.Should().Be("message_ack");
        received.RunId.Should().Be("r1");
        received.String("message_id").Should().Be("m1");
        sent.Outgoing.Should().BeTrue();
        sent.Json.Should().NotBeNull();
        sent.Event.Should().BeNull();
    }

    [Fact]
    public void A_parsed_frame_outlives_its_json_document()
    {
        var frame = RecordedFrame.Parse(0, TimeSpan.Zero, """{"type":"agent_thinking","payload":{"run_id":"r1","reasoning":"kept"}}""");

        GC.Collect();

        frame.Event!.String("reasoning").Should().Be("kept");
        frame.Json!.Value.GetProperty("payload").GetProperty("run_id").GetString().Should().Be("r1");
    }

    private static AgentEvent? Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventNormalizer.Normalize(document.RootElement.Clone());
    }
}

using System.Text.Json;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Recording;

namespace GoldenPath.UnitTests.Isolation;

[Unit]
public sealed class OwnershipIndexTests
{
    private readonly OwnershipIndex index = new();

    public OwnershipIndexTests()
    {
        index.ClaimUser("42");
        index.ClaimUser("7");
        index.Claim(OwnershipIndex.IdKind.Run, "7", "42");
        index.Claim(OwnershipIndex.IdKind.Thread, "3", "42");
        index.ClaimMarker("gpmarkqwertyuiopasdf", "42");
    }

    [Fact]
    public void A_short_id_of_another_user_is_found_as_a_whole_value_of_its_field()
    {
        var found = index.ForeignIn(Json("""{"type":"agent_started","run_id":"7","thread_id":"3","user_id":"42"}"""), "7");

        found.Select(f => f.Evidence).Should().BeEquivalentTo(["run_id '7'", "thread_id '3'", "user_id '42'"]);
        found.Should().OnlyContain(f => f.Owner == "42");
    }

    [Fact]
    public void A_short_id_inside_a_timestamp_or_under_another_field_is_nobodys()
    {
        var frame = Json("""{"type":"heartbeat","server_time":"2026-12-01T07:42:03Z","count":42,"event_id":"7","tool_call_id":"3","user_id":"7"}""");

        index.ForeignIn(frame, "7").Should().BeEmpty();
    }

    [Fact]
    public void A_user_id_equal_to_another_users_run_id_is_not_a_leak()
    {
        // User "7" exists, and user "42" has run "7": ids of different kinds may be equal.
        index.ForeignIn(Json("""{"type":"connection_established","user_id":"7"}"""), "7").Should().BeEmpty();
    }

    [Fact]
    public void Ids_at_any_depth_and_numbers_count_too()
    {
        var body = Json("""[{"thread_id":3,"title":"x"},{"nested":{"run_id":"7"}}]""");

        index.ForeignIn(body, "7").Should().HaveCount(2);
    }

    [Fact]
    public void A_marker_is_found_as_a_whole_word_in_any_string_and_case()
    {
        var frame = Json("""{"type":"tool_completed","results":{"matches":["please remember GPMARKQWERTYUIOPASDF."]}}""");

        index.ForeignIn(frame, "7").Should().ContainSingle().Which.Evidence.Should().Contain("marker 'GPMARKQWERTYUIOPASDF'");
    }

    [Fact]
    public void The_recipients_own_ids_and_marker_are_no_leak()
    {
        index.ForeignIn(Json("""{"run_id":"7","thread_id":"3","user_id":"42","content":"gpmarkqwertyuiopasdf"}"""), "42").Should().BeEmpty();
    }

    [Fact]
    public void Only_an_ack_teaches_whose_run_and_thread_they_are()
    {
        index.Learn(RecordedFrame.Parse(0, TimeSpan.Zero, """{"type":"message_ack","message_id":"m","run_id":"r9","thread_id":"t9"}"""), "7");
        index.Learn(RecordedFrame.Parse(1, TimeSpan.Zero, """{"type":"agent_started","run_id":"r8","thread_id":"t8","user_id":"7"}"""), "7");

        index.OwnerOf(OwnershipIndex.IdKind.Run, "r9").Should().Be("7");
        index.OwnerOf(OwnershipIndex.IdKind.Thread, "t9").Should().Be("7");
        index.OwnerOf(OwnershipIndex.IdKind.Run, "r8").Should().BeNull("an event, which a leak could rewrite, teaches nothing");
    }

    [Fact]
    public void A_connection_finds_another_users_data_but_not_what_an_error_frame_quotes_of_its_own_request()
    {
        var intruder = new EventRecorder("intruder", recipientUserId: "7");
        intruder.RecordSent("""{"type":"user_message","message_id":"m1","payload":{"content":"let me in","thread_id":"3"}}""");
        intruder.Record("""{"type":"error","error_code":"THREAD_NOT_FOUND","message":"no","thread_id":"3"}""");
        intruder.Record("""{"type":"agent_started","run_id":"7","thread_id":"3","user_id":"42","event_id":"1"}""");

        var leaks = IsolationChecker.LeaksOn(intruder, index).ToArray();

        leaks.Select(l => l.Where).Should().Equal(
            "WebSocket [intruder] frame #1 (agent_started) carries run_id '7'",
            "WebSocket [intruder] frame #1 (agent_started) carries thread_id '3'",
            "WebSocket [intruder] frame #1 (agent_started) carries user_id '42'");
    }

    [Fact]
    public void The_first_claim_stands()
    {
        index.Claim(OwnershipIndex.IdKind.Run, "7", "7");

        index.OwnerOf(OwnershipIndex.IdKind.Run, "7").Should().Be("42");
    }

    [Fact]
    public void Markers_are_letters_only_and_unique()
    {
        var markers = Enumerable.Range(0, 100).Select(_ => Markers.New()).ToArray();

        markers.Should().OnlyContain(m => m.Length == Markers.Length && m.All(char.IsAsciiLetterLower));
        markers.Should().OnlyHaveUniqueItems();
    }

    private static JsonElement Json(string text) => JsonElement.Parse(text);
}

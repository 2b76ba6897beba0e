using System.Net.WebSockets;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Recording;

namespace GoldenPath.UnitTests.Recording;

[Unit]
public sealed class EventRecorderTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    // A real-looking HS256 token (header.payload.signature); never a valid credential anywhere.
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLWFsaWNlIiwidG9rZW5fdHlwZSI6ImFjY2VzcyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItdGVzdHM";

    [Fact]
    public async Task WaitForAsync_returns_a_frame_that_was_already_received()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"connection_established","connection_id":"c1","user_id":"u1","server_time":"2025-06-01T12:00:00Z"}""");
        var pong = recorder.Record("""{"type":"pong"}""");

        var found = await recorder.WaitForAsync(f => f.Type == "pong", Short, "the pong");

        found.Should().BeSameAs(pong);
        found.Index.Should().Be(1);
    }

    [Fact]
    public async Task WaitForAsync_returns_a_frame_that_comes_after_the_wait_began()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"agent_started","run_id":"r0","event_id":"e0"}""");

        var waiting = recorder.WaitForAsync(f => f.RunId == "r1" && f.Type == "agent_completed", TimeSpan.FromSeconds(5), "the end of run r1");
        waiting.IsCompleted.Should().BeFalse("nothing of run r1 has come yet");
        recorder.Record("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");
        waiting.IsCompleted.Should().BeFalse("agent_started does not match");
        var completed = recorder.Record("""{"type":"agent_completed","run_id":"r1","event_id":"e2"}""");

        var found = await waiting;

        found.Should().BeSameAs(completed);
    }

    [Fact]
    public async Task WaitForAsync_fails_at_its_deadline_with_the_transcript()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.RecordSent("""{"type":"user_message","message_id":"m1","payload":{"content":"what is 17 * 23?","thread_id":null}}""");
        recorder.Record("""{"type":"message_ack","message_id":"m1","thread_id":"t1","run_id":"r1"}""");
        recorder.Record("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");

        var wait = () => recorder.WaitForAsync(f => f.Type == "agent_completed", Short, "the agent_completed of run r1");

        var failure = await wait.Should().ThrowAsync<GoldenPathException>();
        failure.Which.Should().BeAssignableTo<Xunit.Sdk.XunitException>();
        failure.Which.Message.Should()
            .Contain("[alice/tab-1] waited 0.2 s")
            .And.Contain("for the agent_completed of run r1; it did not come.")
            .And.Contain("transcript of alice/tab-1 (2 frames received):")
            .And.Contain("""→     +""")
            .And.Contain("""{"type":"user_message","message_id":"m1","payload":{"content":"what is 17 * 23?","thread_id":null}}""")
            .And.Contain("""←#0""")
            .And.Contain("""{"type":"message_ack","message_id":"m1","thread_id":"t1","run_id":"r1"}""")
            .And.Contain("""←#1""")
            .And.Contain("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");
    }

    [Fact]
    public async Task A_frame_recorded_after_a_wait_timed_out_does_not_resurrect_it()
    {
        var recorder = new EventRecorder("alice/tab-1");
        var wait = () => recorder.WaitForAsync(f => f.Type == "pong", Short, "a pong");
        await wait.Should().ThrowAsync<GoldenPathException>();

        recorder.Record("""{"type":"pong"}""");

        (await recorder.WaitForAsync(f => f.Type == "pong", Short, "a pong")).Index.Should().Be(0);
    }

    [Fact]
    public void EventsOf_returns_the_events_of_one_run_in_order_without_its_message_ack()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"connection_established","connection_id":"c1","user_id":"u1","server_time":"2025-06-01T12:00:00Z"}""");
        recorder.Record("""{"type":"message_ack","message_id":"m1","thread_id":"t1","run_id":"r1"}""");
        recorder.Record("""{"type":"agent_started","run_id":"r1","event_id":"e1"}""");
        recorder.Record("""{"type":"agent_started","run_id":"r2","event_id":"e2"}""");
        recorder.Record("not json");
        recorder.Record("""{"type":"agent_thinking","data":{"run_id":"r1","event_id":"e3","reasoning":"nested"}}""");
        recorder.Record("""{"type":"pong"}""");
        recorder.Record("""{"type":"agent_completed","run_id":"r1","event_id":"e4"}""");

        var events = recorder.EventsOf("r1");

        events.Select(f => f.Type).Should().Equal("agent_started", "agent_thinking", "agent_completed");
        events.Select(f => f.Index).Should().Equal(2, 5, 7);
        recorder.EventsOf("r2").Should().ContainSingle().Which.String("event_id").Should().Be("e2");
        recorder.EventsOf("r3").Should().BeEmpty();
    }

    [Fact]
    public void Frames_are_indexed_in_arrival_order_on_the_monotonic_clock()
    {
        var recorder = new EventRecorder("alice/tab-1");

        var first = recorder.Record("""{"type":"pong"}""");
        var second = recorder.Record("""{"type":"pong"}""");

        recorder.Frames.Select(f => f.Index).Should().Equal(0, 1);
        first.At.Should().BeGreaterThanOrEqualTo(recorder.StartedAt);
        second.At.Should().BeGreaterThanOrEqualTo(first.At);
    }

    [Fact]
    public void Handshake_is_the_time_to_connection_established()
    {
        var outside = System.Diagnostics.Stopwatch.StartNew();
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"pong"}""");
        recorder.Handshake.Should().BeNull("no connection_established yet");
        Thread.Sleep(50); // deliberate: a handshake of a known least length, measured by a clock of the test's own

        recorder.Record("""{"type":"connection_established","connection_id":"c1","user_id":"u1","server_time":"2025-06-01T12:00:00Z"}""");
        var elapsed = outside.Elapsed;

        recorder.Handshake.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50)).And.BeLessThanOrEqualTo(elapsed);
    }

    [Fact]
    public void Transcript_masks_jwt_shaped_strings_in_both_directions()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.RecordSent($$"""{"type":"auth","token":"{{Jwt}}"}""");
        recorder.Record($$"""{"type":"error","error_code":"AUTH_FAILED","message":"token {{Jwt}} is expired"}""");

        var transcript = recorder.Transcript();

        transcript.Should().NotContain(Jwt).And.NotContain("eyJzdWIi");
        transcript.Should().Contain(""""token":"eyJhbG***"""");
        transcript.Should().Contain("token eyJhbG*** is expired");
    }

    [Fact]
    public async Task Transcript_ends_with_the_close()
    {
        var recorder = new EventRecorder("alice/tab-1");
        recorder.Record("""{"type":"error","error_code":"AUTH_FAILED","message":"no token"}""");
        recorder.RecordClose(WebSocketCloseStatus.PolicyViolation, "auth failed", null);

        var close = await recorder.WaitForCloseAsync(Short);

        close.Code.Should().Be(1008);
        recorder.Transcript().Should().EndWith("1008 PolicyViolation 'auth failed'");
    }

    [Fact]
    public async Task WaitForCloseAsync_fails_at_its_deadline_with_the_transcript()
    {
        var recorder = new EventRecorder("bob/tab-2");
        recorder.Record("""{"type":"pong"}""");

        var wait = () => recorder.WaitForCloseAsync(Short);

        (await wait.Should().ThrowAsync<GoldenPathException>()).Which.Message.Should()
            .Contain("[bob/tab-2] waited 0.2 s for the server to close the connection; it stayed open.")
            .And.Contain("""{"type":"pong"}""");
    }

    [Fact]
    public async Task A_connection_that_closes_before_the_reply_does_not_pass_as_still_serving()
    {
        var recorder = new EventRecorder("bob/tab-1");
        recorder.Record("""{"type":"agent_completed","run_id":"r1","event_id":"e1"}""");
        var waiting = recorder.WaitForReplyWhileOpenAsync(f => f.Type == "pong", TimeSpan.FromSeconds(30), "ws.invalid", "a pong to a ping sent after a bad frame");
        waiting.IsCompleted.Should().BeFalse("the connection was open when the wait began: a look at that instant would have passed");

        recorder.RecordClose(WebSocketCloseStatus.InternalServerError, "boom", null);

        (await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<GoldenPathException>()).Which.Message.Should()
            .StartWith("ws.invalid: [bob/tab-1] the connection closed (1011 InternalServerError 'boom') before a pong to a ping sent after a bad frame: it should stay open and keep serving");
    }

    [Fact]
    public async Task A_connection_that_stays_open_but_never_answers_does_not_pass_as_still_serving()
    {
        var recorder = new EventRecorder("bob/tab-2");

        var wait = () => recorder.WaitForReplyWhileOpenAsync(f => f.Type == "pong", Short, "ws.invalid", "a pong");

        (await wait.Should().ThrowAsync<GoldenPathException>()).Which.Message.Should()
            .StartWith("ws.invalid: [bob/tab-2] waited 0.2 s for a pong; it did not come, though the connection is open: it no longer serves");
    }

    [Fact]
    public async Task A_reply_proves_the_connection_still_serves()
    {
        var recorder = new EventRecorder("bob/tab-3");
        var waiting = recorder.WaitForReplyWhileOpenAsync(f => f.Type == "pong", TimeSpan.FromSeconds(30), "ws.invalid", "a pong");

        var pong = recorder.Record("""{"type":"pong"}""");

        (await waiting).Should().BeSameAs(pong);
    }
}

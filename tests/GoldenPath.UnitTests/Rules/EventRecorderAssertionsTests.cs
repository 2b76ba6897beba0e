using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary><c>recorder.Should().HaveValidRun(...)</c> / <c>HaveGoldenPathRun(...)</c>: pass quietly, or fail with the whole story.</summary>
[Unit]
public sealed class EventRecorderAssertionsTests
{
    [Fact]
    public void A_golden_path_run_passes_HaveGoldenPathRun()
    {
        var recorder = Record(RunBuilder.GoldenPath());

        var check = () => recorder.Should().HaveGoldenPathRun(Expectations());

        check.Should().NotThrow();
    }

    [Fact]
    public void The_agent_error_path_passes_HaveValidRun_but_fails_HaveGoldenPathRun_with_the_full_report()
    {
        var run = RunBuilder.ErrorPath();
        var recorder = Record(run);
        recorder.Should().HaveValidRun(Expectations());

        var check = () => recorder.Should().HaveGoldenPathRun(Expectations(), "the calculator {0} answer", "should");

        var message = check.Should().Throw<Exception>().Which.Message;
        message.Should().ContainEquivalentOf($"run {RunBuilder.RunId} on connection [alice/tab-1] broke 2 rules:", "FluentAssertions capitalizes the first letter");
        message.Should()
            .Contain("golden-order: agent_completed never came")
            .And.Contain("golden-order at event #4 (agent_error): the golden path ends with agent_completed")
            .And.Contain("expected: agent_started → agent_thinking → tool_executing → tool_completed → agent_completed")
            .And.Contain("received: agent_started → agent_thinking → tool_executing → tool_completed → agent_error")
            .And.Contain("raw events of the run:")
            .And.Contain("transcript of alice/tab-1")
            .And.Contain("because the calculator should answer");
        foreach (var raw in run.RawFrames())
        {
            message.Should().Contain(raw, "the raw JSON is in the report with its braces as sent");
        }

        message.Should().NotContain("{{", "braces are not doubled by the escaping for FluentAssertions");
    }

    [Fact]
    public void A_failed_run_check_is_a_test_failure_exception()
    {
        var recorder = Record(RunBuilder.GoldenPath().RemoveEvent(1));

        var check = () => recorder.Should().HaveValidRun(Expectations());

        var failure = check.Should().Throw<Exception>().Which;
        (failure is Xunit.Sdk.XunitException || failure.GetType().Namespace!.StartsWith("FluentAssertions", StringComparison.Ordinal))
            .Should().BeTrue("a failed check is an assertion failure, not a crash ({0})", failure.GetType().FullName);
        failure.Message.Should().Contain("thinking-before-tool at event #1 (tool_executing): a tool ran before any agent_thinking");
    }

    [Fact]
    public void Only_the_events_of_the_run_are_checked_and_reported()
    {
        var recorder = new EventRecorder("alice/tab-1", RunBuilder.UserId);
        recorder.Record("""{"type":"message_ack","message_id":"m1","thread_id":"thread-91c2","run_id":"run-7f3a"}""");
        foreach (var raw in RunBuilder.GoldenPath().RawFrames())
        {
            recorder.Record(raw);
        }

        recorder.Record("""{"type":"agent_started","event_id":"x1","run_id":"run-other","thread_id":"thread-91c2","user_id":"user-alice","agent_name":"a","timestamp":"2025-06-01T12:00:00Z"}""");

        recorder.Should().HaveGoldenPathRun(Expectations());
    }

    [Fact]
    public void An_event_naming_another_user_leads_the_report_before_the_rules_it_also_broke()
    {
        // Another user's run, taken for this one (a dialect without ack): its agent_started came before the message was sent.
        var recorder = Record(RunBuilder.GoldenPath().RemoveEvent(0).Set(1, "user_id", "user-bob").Set(2, "user_id", "user-bob"));

        var check = () => recorder.Should().HaveValidRun(Expectations());

        var rules = check.Should().Throw<Exception>().Which.Message.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..].Split(' ')[0]).ToArray();
        rules.Should().Equal([RunRules.Recipient, RunRules.Recipient, RunRules.StartedFirst], "the event of another user is the verdict; the order it broke follows from it");
    }

    [Fact]
    public void The_report_masks_tokens()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLWFsaWNlIn0.c2lnbmF0dXJl";
        var recorder = Record(RunBuilder.GoldenPath().Set(4, "final_response", $"your token is {jwt}").RemoveEvent(3));

        var check = () => recorder.Should().HaveValidRun(Expectations());

        check.Should().Throw<Exception>().Which.Message.Should().NotContain(jwt).And.Contain("your token is eyJhbG***");
    }

    // No budgets: the recorder stamps frames with the real clock, not the builder's times.
    private static RunExpectations Expectations() => new(RunBuilder.RunId) { RecipientUserId = RunBuilder.UserId };

    private static EventRecorder Record(RunBuilder run)
    {
        var recorder = new EventRecorder("alice/tab-1", RunBuilder.UserId);
        foreach (var raw in run.RawFrames())
        {
            recorder.Record(raw);
        }

        return recorder;
    }
}

using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Runner.Watch;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class SlackAlertTests
{
    private const string Target = "remote (auth http://127.0.0.1:1/, backend http://127.0.0.1:2/, websocket ws://127.0.0.1:2/ws)";

    [Fact]
    public void A_failing_alert_is_a_slack_body_naming_environment_target_and_diagnosis()
    {
        var body = Parse(SlackAlert.Body(new WatchAlert(WatchStateTests.Tick(3, healthy: false), null), "staging", Target));

        var text = body.GetProperty("text").GetString();
        text.Should().Contain("staging is failing").And.Contain(Target).And.Contain("the backend service answered 503");
        var block = body.GetProperty("blocks").EnumerateArray().Should().ContainSingle().Subject;
        block.GetProperty("type").GetString().Should().Be("section");
        block.GetProperty("text").GetProperty("type").GetString().Should().Be("mrkdwn");
        block.GetProperty("text").GetProperty("text").GetString().Should().Contain("*Diagnosis:* preflight: backend health");
    }

    [Fact]
    public void A_recovery_alert_says_how_long_the_target_was_down()
    {
        var alert = new WatchAlert(WatchStateTests.Tick(3, healthy: false), WatchStateTests.Tick(33, healthy: true));

        var text = Parse(SlackAlert.Body(alert, "staging", Target)).GetProperty("text").GetString();

        text.Should().StartWith("GoldenPath watch: staging recovered after 1 min 0 s down (from tick 3").And.Contain("to tick 33");
    }

    [Fact]
    public void Tokens_are_masked_and_mrkdwn_control_characters_escaped()
    {
        var token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        var tick = WatchStateTests.Tick(1, healthy: false, $"websocket auth: refused <{token}> & closed");

        var json = SlackAlert.Body(new WatchAlert(tick, null), "staging", Target);

        json.Should().NotContain(token).And.NotContain("eyJhbGciOiJIUzI1NiJ9.");
        Parse(json).GetProperty("text").GetString().Should().Contain("refused &lt;eyJhbG***&gt; &amp; closed");
    }

    [Theory]
    [InlineData(4.25, "4.3 s")]
    [InlineData(192, "3 min 12 s")]
    [InlineData(7500, "2 h 05 min")]
    public void Durations_read_as_a_person_says_them(double seconds, string expected)
    {
        DurationText.Of(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}

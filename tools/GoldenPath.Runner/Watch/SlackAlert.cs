using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// An alert as a Slack incoming webhook takes it (Mattermost and others take the same): a plain <c>text</c> for
/// notifications and one mrkdwn section block, naming the environment, the target and the diagnosis, masked.
/// </summary>
internal static class SlackAlert
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Body(WatchAlert alert, string environment, string target)
    {
        var (text, markdown) = alert.Recovery is { } recovery ? Recovered(alert, recovery, environment, target) : Failing(alert.FirstFailing, environment, target);
        var body = new
        {
            text = Escape(SecretMasker.Apply(text)),
            blocks = new[] { new { type = "section", text = new { type = "mrkdwn", text = Escape(SecretMasker.Apply(markdown)) } } },
        };
        return JsonSerializer.Serialize(body, Json);
    }

    private static (string Text, string Markdown) Failing(WatchTick tick, string environment, string target)
    {
        var diagnosis = tick.Diagnosis ?? "no diagnosis";
        return ($"GoldenPath watch: {environment} is failing since tick {tick.Tick} ({Time(tick)}). Target: {target}. Diagnosis: {diagnosis}",
            $":red_circle: *GoldenPath watch: {environment} is failing*\n*Target:* {target}\n*Since:* tick {tick.Tick}, {Time(tick)}\n*Diagnosis:* {diagnosis}");
    }

    private static (string Text, string Markdown) Recovered(WatchAlert alert, WatchTick recovery, string environment, string target)
    {
        var first = alert.FirstFailing;
        var down = DurationText.Of(alert.Downtime!.Value);
        return ($"GoldenPath watch: {environment} recovered after {down} down (from tick {first.Tick} at {Time(first)} to tick {recovery.Tick} at {Time(recovery)}). Target: {target}.",
            $":large_green_circle: *GoldenPath watch: {environment} recovered* after {down} down\n*Target:* {target}\n" +
            $"*Down:* from tick {first.Tick} ({Time(first)}) to tick {recovery.Tick} ({Time(recovery)})\n*It was:* {first.Diagnosis ?? "no diagnosis"}");
    }

    private static string Time(WatchTick tick) => tick.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    // The three characters Slack's mrkdwn (and its plain text) wants escaped; nothing else.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

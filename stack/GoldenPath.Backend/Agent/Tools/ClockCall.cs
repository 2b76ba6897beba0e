using System.Globalization;
using System.Text.RegularExpressions;

namespace GoldenPath.Backend.Agent.Tools;

public sealed partial class ClockCall(TimeProvider clock) : ToolCall
{
    public override string ToolName => "clock";

    public override string Reasoning => "The message asks about the time or date; the clock tells the current UTC time.";

    public override object Parameters { get; } = new ClockParameters("UTC");

    public static ClockCall? TryCreate(string message, TimeProvider clock) => TimeQuestion().IsMatch(message) ? new ClockCall(clock) : null;

    public override Task<ToolOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var date = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var answer = $"It is {time} UTC on {now.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} ({date}).";
        return Task.FromResult(ToolOutcome.Succeeded(new ClockResult(now.ToString("O"), date, time, "UTC"), answer));
    }

    [GeneratedRegex(@"\b(time|date|clock|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();

    private sealed record ClockParameters(string Timezone);

    private sealed record ClockResult(string Utc, string Date, string Time, string Timezone);
}

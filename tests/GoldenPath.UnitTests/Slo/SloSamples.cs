using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.UnitTests.Slo;

/// <summary>Journeys, reports and watch ticks for the SLO specs: a journey starts every 250 ms, a tick every minute.</summary>
internal static class SloSamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static JourneyOutcome Passed(int index, double completionMs) =>
        new(index, index * 250, completionMs + 60, true, null, null,
            new JourneyTimings { LoginMs = 20 + index, HandshakeMs = 12 + index, AckMs = 3, FirstEventMs = 9, CompletionMs = completionMs, GapMs = 4 });

    /// <summary>A journey that failed after the handshake: no completion, so it is plotted at its duration.</summary>
    public static JourneyOutcome Failed(int index, string failureClass, string diagnosis) =>
        new(index, index * 250, 5000, false, failureClass, diagnosis, new JourneyTimings { LoginMs = 25, HandshakeMs = 15 })
        {
            Transcript = $"{diagnosis}\ntranscript of journey {index}",
        };

    /// <param name="thresholds">"key expression", e.g. "successRate &gt;= 0.99" or "completionMs p95 &lt; 500".</param>
    public static SloReport Report(IReadOnlyList<JourneyOutcome> journeys, params string[] thresholds) =>
        SloReport.From("local", "processes: auth http://127.0.0.1:5001, backend ws://127.0.0.1:5002/ws", Start, new SloPlan(journeys.Count, 4),
            TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(900), journeys, thresholds.Select(ParseThreshold).ToArray());

    public static WatchTick Tick(int number, string state, string? diagnosis = null) => new()
    {
        Time = Start.AddMinutes(number - 1),
        Tick = number,
        State = state,
        PreflightPassed = state == WatchTick.Healthy,
        Journeys = 5,
        Succeeded = state == WatchTick.Healthy ? 5 : 0,
        CompletionP95Ms = state == WatchTick.Healthy ? 120 + number : null,
        Diagnosis = diagnosis,
        DurationMs = 900,
    };

    private static Threshold ParseThreshold(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return Threshold.Parse(text[..space], text[(space + 1)..], "spec");
    }
}

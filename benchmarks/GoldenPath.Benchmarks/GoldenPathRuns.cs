using System.Globalization;

namespace GoldenPath.Benchmarks;

/// <summary>
/// Realistic raw frames of golden-path runs, as the reference backend sends them (PROTOCOL.md §3, flat):
/// agent_started → agent_thinking → tool_executing → tool_completed → agent_completed, each run with its own
/// ids, one user per ten runs, and receive times 40–90 ms apart.
/// </summary>
public sealed class GoldenPathRuns
{
    public const int EventsPerRun = 5;

    private static readonly DateTime WallClock = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Question, string Tool, string Parameters, string Results, string Answer)[] Questions =
    [
        ("what is 17 * 23?", "calculator", """{"expression":"17 * 23"}""", """{"expression":"17 * 23","value":391}""", "17 * 23 = 391"),
        ("what time is it?", "clock", """{"timezone":"UTC"}""", """{"now":"2025-06-01T12:00:00Z","timezone":"UTC"}""", "It is 12:00 UTC."),
        ("what did I ask before?", "history_search", """{"query":"what did I ask before?","limit":10}""", """{"count":2,"messages":["what is 17 * 23?","what time is it?"]}""", "You asked 2 questions before: \"what is 17 * 23?\" and \"what time is it?\"."),
    ];

    public GoldenPathRuns(int runs, int seed = 17)
    {
        var random = new Random(seed);
        RunIds = new string[runs];
        UserIds = new string[runs];
        Raw = new string[runs][];
        ReceivedAt = new TimeSpan[runs][];
        SentAt = new TimeSpan[runs];
        for (var r = 0; r < runs; r++)
        {
            var runId = Id(random);
            var threadId = Id(random);
            var userId = $"00000000-0000-4000-8000-{r / 10:000000000000}";
            var (question, tool, parameters, results, answer) = Questions[r % Questions.Length];
            var callId = "call_" + Id(random)[..12];
            var sent = TimeSpan.FromSeconds(10 + r);
            var at = sent;
            var times = new TimeSpan[EventsPerRun];
            var stamps = new string[EventsPerRun];
            for (var i = 0; i < EventsPerRun; i++)
            {
                at += TimeSpan.FromMilliseconds(40 + random.Next(50));
                times[i] = at;
                stamps[i] = (WallClock + at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            }

            string Common(string type, int i) =>
                $$"""{"type":"{{type}}","event_id":"{{Id(random)}}","run_id":"{{runId}}","thread_id":"{{threadId}}","user_id":"{{userId}}","agent_name":"reference-agent","timestamp":"{{stamps[i]}}" """.TrimEnd();

            Raw[r] =
            [
                Common("agent_started", 0) + "}",
                Common("agent_thinking", 1) + $$""","reasoning":"The user asked \"{{question}}\"; the {{tool}} tool answers that deterministically, so I call it once."}""",
                Common("tool_executing", 2) + $$""","tool_name":"{{tool}}","tool_call_id":"{{callId}}","parameters":{{parameters}}}""",
                Common("tool_completed", 3) + $$""","tool_name":"{{tool}}","tool_call_id":"{{callId}}","results":{{results}},"success":true,"duration_ms":{{3 + random.Next(20)}}}""",
                Common("agent_completed", 4) + $$""","status":"completed","final_response":"{{answer.Replace("\"", "\\\"", StringComparison.Ordinal)}}","duration_ms":{{(int)(at - sent).TotalMilliseconds}}}""",
            ];
            RunIds[r] = runId;
            UserIds[r] = userId;
            ReceivedAt[r] = times;
            SentAt[r] = sent;
        }
    }

    public string[] RunIds { get; }

    public string[] UserIds { get; }

    /// <summary>The raw JSON of each run's five frames.</summary>
    public string[][] Raw { get; }

    /// <summary>When each frame arrived, on the monotonic clock.</summary>
    public TimeSpan[][] ReceivedAt { get; }

    /// <summary>When each run's user_message was sent.</summary>
    public TimeSpan[] SentAt { get; }

    private static string Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}

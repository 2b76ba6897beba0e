using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.UnitTests.Rules;

/// <summary>
/// The frames of one run as a server sends them (flat, or with the fields under "data" or "payload"),
/// with receive times the test controls: start from a healthy run, then break one thing.
/// Each event arrives <see cref="DefaultGap"/> after the one before it (the first one after the
/// user_message sent at <see cref="SentAt"/>) unless <see cref="After"/> says otherwise; the
/// event's <c>timestamp</c> follows its receive time.
/// </summary>
public sealed class RunBuilder
{
    public const string RunId = "run-7f3a";
    public const string ThreadId = "thread-91c2";
    public const string UserId = "user-alice";
    public const string AgentName = "reference-agent";

    public static readonly TimeSpan SentAt = TimeSpan.FromSeconds(100);
    public static readonly TimeSpan DefaultGap = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan DefaultHandshake = TimeSpan.FromMilliseconds(300);

    private static readonly DateTimeOffset WallClockAtSentAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<Step> steps = [];
    private TimeSpan? pendingGap;
    private int eventIds;

    private RunBuilder(EventShape shape) => Shape = shape;

    public EventShape Shape { get; }

    public int Count => steps.Count;

    /// <summary>A run with no events yet.</summary>
    public static RunBuilder Empty(EventShape shape = EventShape.Flat) => new(shape);

    /// <summary>agent_started → agent_thinking → tool_executing → tool_completed → agent_completed, for "what is 17 * 23?".</summary>
    public static RunBuilder GoldenPath(EventShape shape = EventShape.Flat) =>
        Empty(shape).Started().Thinking().ToolExecuting().ToolCompleted().Completed();

    /// <summary>The division-by-zero run: the tool fails and the run ends with agent_error instead of agent_completed.</summary>
    public static RunBuilder ErrorPath(EventShape shape = EventShape.Flat) =>
        Empty(shape)
            .Started()
            .Thinking("the user wants 1 / 0; the calculator can do that")
            .ToolExecuting(parameters: new JsonObject { ["expression"] = "1 / 0" })
            .ToolCompleted(success: false, results: new JsonObject { ["error"] = "division by zero" })
            .Error("the calculation could not be finished: division by zero");

    public RunBuilder Started() => Add("agent_started", []);

    public RunBuilder Thinking(string reasoning = "the user asks for 17 * 23: the calculator tool fits") =>
        Add("agent_thinking", [("reasoning", reasoning)]);

    public RunBuilder ToolExecuting(string callId = "call-1", string tool = "calculator", JsonObject? parameters = null) =>
        Add("tool_executing", [("tool_name", tool), ("tool_call_id", callId), ("parameters", parameters ?? new JsonObject { ["expression"] = "17 * 23" })]);

    public RunBuilder ToolCompleted(string callId = "call-1", string tool = "calculator", bool success = true, JsonNode? results = null) =>
        Add("tool_completed", [("tool_name", tool), ("tool_call_id", callId), ("results", results ?? new JsonObject { ["value"] = 391 }), ("success", success), ("duration_ms", 12)]);

    public RunBuilder Completed(string finalResponse = "17 * 23 = 391") =>
        Add("agent_completed", [("status", "completed"), ("final_response", finalResponse), ("duration_ms", 240)]);

    public RunBuilder Error(string error = "the agent failed") => Add("agent_error", [("error", error)]);

    /// <summary>Any event type with the common fields and the given extra fields.</summary>
    public RunBuilder Event(string type, params (string Field, JsonNode? Value)[] extra) => Add(type, extra);

    /// <summary>A frame exactly as given (not JSON, or a hand-made shape); it gets a receive time like any other.</summary>
    public RunBuilder Raw(string raw)
    {
        steps.Add(new Step(null, raw, TakeGap()));
        return this;
    }

    /// <summary>The next event arrives <paramref name="gap"/> after the one before it (the first: after the user_message).</summary>
    public RunBuilder After(TimeSpan gap)
    {
        pendingGap = gap;
        return this;
    }

    /// <summary>Event <paramref name="index"/> arrives <paramref name="gap"/> after the one before it.</summary>
    public RunBuilder GapBefore(int index, TimeSpan gap)
    {
        steps[index] = steps[index] with { Gap = gap };
        return this;
    }

    /// <summary>Sets (or adds) a field of event <paramref name="index"/>; a null value is JSON null.</summary>
    public RunBuilder Set(int index, string field, JsonNode? value)
    {
        var fields = FieldsOf(index);
        fields[field] = value;
        if (field == "timestamp")
        {
            steps[index] = steps[index] with { AutoTimestamp = false };
        }

        return this;
    }

    /// <summary>Removes a field of event <paramref name="index"/>.</summary>
    public RunBuilder Without(int index, string field)
    {
        FieldsOf(index).Remove(field);
        if (field == "timestamp")
        {
            steps[index] = steps[index] with { AutoTimestamp = false };
        }

        return this;
    }

    /// <summary>Drops event <paramref name="index"/> from the run.</summary>
    public RunBuilder RemoveEvent(int index)
    {
        steps.RemoveAt(index);
        return this;
    }

    /// <summary>Moves event <paramref name="from"/> so it becomes event <paramref name="to"/>; receive times stay in arrival order.</summary>
    public RunBuilder Move(int from, int to)
    {
        var step = steps[from];
        steps.RemoveAt(from);
        steps.Insert(to, step);
        return this;
    }

    /// <summary>A copy of event <paramref name="index"/> (with a new event_id) inserted at <paramref name="at"/>, or appended.</summary>
    public RunBuilder Duplicate(int index, int? at = null)
    {
        var fields = (JsonObject)FieldsOf(index).DeepClone();
        fields["event_id"] = NextEventId();
        var copy = steps[index] with { Fields = fields, Gap = DefaultGap };
        steps.Insert(at ?? steps.Count, copy);
        return this;
    }

    /// <summary>The run's frames as received: index, receive time on the monotonic clock, raw JSON.</summary>
    /// <summary>A message_ack of this run as the sending connection would record it, at frame index <paramref name="atIndex"/> (-1: before every event).</summary>
    public static RecordedFrame Ack(int atIndex) =>
        RecordedFrame.Parse(atIndex, SentAt, $"{{\"type\":\"message_ack\",\"message_id\":\"m-1\",\"thread_id\":\"{ThreadId}\",\"run_id\":\"{RunId}\"}}");

    public IReadOnlyList<RecordedFrame> Frames() =>
        Render().Select((frame, i) => RecordedFrame.Parse(i, frame.At, frame.Raw)).ToArray();

    /// <summary>The raw JSON text of each frame, in arrival order.</summary>
    public IReadOnlyList<string> RawFrames() => Render().Select(f => f.Raw).ToArray();

    /// <summary>What a connection of <see cref="UserId"/> checks the run against: strict shape and PROTOCOL.md §5 budgets by default.</summary>
    public RunExpectations Expectations(bool strictShape = true, bool goldenPath = false) => new(RunId)
    {
        RecipientUserId = UserId,
        StrictShape = strictShape,
        GoldenPath = goldenPath,
        Budgets = new BudgetSettings(),
        SentAt = SentAt,
        Handshake = DefaultHandshake,
    };

    public IReadOnlyList<RuleViolation> Verify(RunExpectations? expectations = null) => RunVerifier.Verify(Frames(), expectations ?? Expectations());

    private RunBuilder Add(string type, (string Field, JsonNode? Value)[] extra)
    {
        var fields = new JsonObject
        {
            ["type"] = type,
            ["event_id"] = NextEventId(),
            ["run_id"] = RunId,
            ["thread_id"] = ThreadId,
            ["user_id"] = UserId,
            ["agent_name"] = AgentName,
            ["timestamp"] = null, // filled in from the receive time when rendered
        };
        foreach (var (field, value) in extra)
        {
            fields[field] = value;
        }

        steps.Add(new Step(fields, null, TakeGap()));
        return this;
    }

    private JsonObject FieldsOf(int index) =>
        steps[index].Fields ?? throw new InvalidOperationException($"frame #{index} is raw text, not an event");

    private string NextEventId() => $"evt-{++eventIds:000}";

    private TimeSpan TakeGap()
    {
        var gap = pendingGap ?? DefaultGap;
        pendingGap = null;
        return gap;
    }

    private IEnumerable<(TimeSpan At, string Raw)> Render()
    {
        var at = SentAt;
        foreach (var step in steps)
        {
            at += step.Gap;
            if (step.Fields is null)
            {
                yield return (at, step.Raw!);
                continue;
            }

            var fields = (JsonObject)step.Fields.DeepClone();
            if (step.AutoTimestamp)
            {
                fields["timestamp"] = (WallClockAtSentAt + (at - SentAt)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }

            yield return (at, Shaped(fields).ToJsonString(JsonOptions));
        }
    }

    // PROTOCOL.md's flat object, or "type" at the top and every other field under "data" / "payload".
    private JsonObject Shaped(JsonObject fields)
    {
        if (Shape == EventShape.Flat)
        {
            return fields;
        }

        var type = fields["type"]?.DeepClone();
        fields.Remove("type");
        return new JsonObject
        {
            ["type"] = type,
            [Shape == EventShape.Data ? "data" : "payload"] = fields,
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Step(JsonObject? Fields, string? Raw, TimeSpan Gap, bool AutoTimestamp = true);
}

/// <summary>Assertions on the violations a run check returned.</summary>
public static class ViolationAssertions
{
    /// <summary>Asserts a violation of <paramref name="rule"/> whose message contains <paramref name="messagePart"/>, and returns it.</summary>
    public static RuleViolation ShouldHaveViolation(this IReadOnlyList<RuleViolation> violations, string rule, string messagePart)
    {
        var all = Describe(violations);
        violations.Should().Contain(v => v.Rule == rule, "the run breaks {0}; the violations were: {1}", rule, all);
        var matching = violations.Where(v => v.Rule == rule && v.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
        matching.Should().NotBeEmpty("a {0} violation should say \"{1}\"; the violations were: {2}", rule, messagePart, all);
        return matching[0];
    }

    /// <summary>Asserts that every violation is of one of <paramref name="rules"/> (and that there is at least one).</summary>
    public static void ShouldOnlyBreak(this IReadOnlyList<RuleViolation> violations, params string[] rules)
    {
        violations.Should().NotBeEmpty();
        violations.Select(v => v.Rule).Should().OnlyContain(rule => rules.Contains(rule), "only {0} should break; the violations were: {1}", string.Join(", ", rules), Describe(violations));
    }

    public static void ShouldBeClean(this IReadOnlyList<RuleViolation> violations) =>
        violations.Should().BeEmpty("the run is valid; the violations were: {0}", Describe(violations));

    private static string Describe(IReadOnlyList<RuleViolation> violations) =>
        violations.Count == 0 ? "(none)" : string.Join(" | ", violations);
}

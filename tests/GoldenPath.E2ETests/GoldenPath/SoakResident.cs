using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.E2ETests.GoldenPath;

/// <summary>
/// A user of the soak who keeps one connection for all its runs, on one thread. Each run says "please remember" a new marker,
/// so every run puts the user's content on the wire, and (with §4's agent) the next run's history_search quotes it back in
/// its tool results: a leak of content or tool results has something to be found by.
/// </summary>
internal sealed class SoakResident(PlatformFixture platform, TestUser user, PlatformSocket socket)
{
    private readonly List<string> markers = [];
    private readonly List<string> runs = [];
    private string? thread;

    public async Task RunAsync(int round)
    {
        var marker = Markers.New(user.UserId);
        var run = await RunCheckedAsync(platform, socket, $"please remember {marker}", thread);
        thread ??= run.ThreadId;
        if (round > 0 && ReferenceAgent.Checks(platform.Environment, "soak: history_search quoting the run before (agent.history-search)") && !QuotesInResults(run, markers[^1]))
        {
            throw new GoldenPathException($"agent.history-search: [{socket.Recorder.Label}] run {round + 1} ({run.RunId}): no tool_completed of it holds the marker '{markers[^1]}' " +
                                          $"of the run before in its results, which PROTOCOL.md §4's history_search quotes; without it a leak of tool results could not be seen" +
                                          $"{Environment.NewLine}{socket.Recorder.Transcript()}");
        }

        markers.Add(marker);
        runs.Add(run.RunId);
    }

    /// <summary>Sends one message on <paramref name="on"/> and checks its run by the golden-path rules (PROTOCOL.md §3, the budgets of §5).</summary>
    public static async Task<AgentRun> RunCheckedAsync(PlatformFixture platform, PlatformSocket on, string content, string? threadId)
    {
        var run = await AgentRun.SendAsync(on, content, platform.Environment.Budgets, threadId);
        on.Recorder.Should().HaveGoldenPathRun(run.Expectations(on, platform.Environment));
        return run;
    }

    /// <summary>The soak's premise: the connection carried every run and is still the one it opened (one welcome, never closed).</summary>
    public void ExpectStillConnected(int runsExpected)
    {
        var recorder = socket.Recorder;
        var welcomes = recorder.Frames.Count(f => f.Type == "connection_established");
        if (recorder.Closed.IsCompleted || welcomes != 1 || runs.Count != runsExpected)
        {
            throw new GoldenPathException($"iso.nothing-crosses: [{recorder.Label}] was to stay one open connection for all {runsExpected} runs, so its whole life is checked; " +
                                          $"it carried {runs.Count}, had {welcomes} connection_established frame(s) and is {(recorder.Closed.IsCompleted ? $"closed ({recorder.Closed.Result})" : "open")}" +
                                          $"{Environment.NewLine}{recorder.Transcript()}");
        }
    }

    public IsolationParticipant AsParticipant() => new(user, [socket.Recorder], markers[0], runs, thread is { Length: > 0 } t ? [t] : []);

    private static bool QuotesInResults(AgentRun run, string marker) =>
        run.Events.Any(e => e.Type == "tool_completed" && e.Event!.HasValue("results") && e.Event.Fields["results"].GetRawText().Contains(marker, StringComparison.OrdinalIgnoreCase));
}

using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>An agent run the page started, as its WebSocket saw it.</summary>
public sealed record BrowserRun(AgentRun Run, CapturedSocket Socket)
{
    public EventRecorder Recorder => Socket.Recorder;

    public string RunId => Run.RunId;

    public string ThreadId => Run.ThreadId;

    /// <summary>What the run's captured frames are checked against, as the API specs check theirs.</summary>
    public RunExpectations Expectations(GoldenPathEnvironment environment) => Run.Expectations(Recorder, environment);
}

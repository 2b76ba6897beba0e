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

    /// <summary>What the run's captured frames are checked against, as the API specs check theirs (see <see cref="AgentRun.Expectations"/>).</summary>
    public RunExpectations Expectations(GoldenPathEnvironment environment) => new(Run.RunId)
    {
        RecipientUserId = Recorder.RecipientUserId,
        StrictShape = environment.Events.StrictShape,
        Budgets = environment.Budgets,
        SentAt = Run.SentAt,
        Handshake = Recorder.Handshake,
    };
}

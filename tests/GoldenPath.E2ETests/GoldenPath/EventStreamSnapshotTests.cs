using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit3;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

[E2E]
[ReferenceStack]
[Requirement("run.fields", "run.golden-path")]
public sealed class EventStreamSnapshotTests(PlatformFixture platform)
{
    // Values that differ on every run; the snapshot keeps their presence, not their value.
    private static readonly HashSet<string> Scrubbed = ["event_id", "run_id", "thread_id", "user_id", "tool_call_id", "timestamp", "duration_ms"];

    [Fact]
    public async Task The_normalised_golden_path_event_stream_matches_the_reviewed_snapshot()
    {
        var snapshotName = Snapshot.FullName();
        ReferenceAgent.Require(platform.Environment);
        RequireReviewedSnapshotOnCi(snapshotName);
        var user = await platform.NewUserAsync("snapshot");
        await using var socket = await platform.ConnectAsync(user, "snapshot");

        var run = await AgentRun.SendAsync(socket, GoldenPathJourney.Question, platform.Environment.Budgets);

        var normalised = run.Events.Select(e => e.Event!.Fields
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => Scrubbed.Contains(f.Key) ? JToken.FromObject($"<{f.Key}>") : JToken.Parse(f.Value.GetRawText())));
        Snapshot.Match(normalised, snapshotName);
    }

    // Snapshooter writes a missing snapshot and passes: right on a laptop (review it, commit it), a silent pass on CI.
    private static void RequireReviewedSnapshotOnCi(SnapshotFullName name)
    {
        var file = Path.Combine(name.FolderPath, "__snapshots__", name.Filename.EndsWith(".snap", StringComparison.Ordinal) ? name.Filename : name.Filename + ".snap");
        if (!File.Exists(file) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new GoldenPathException($"the reviewed snapshot {file} is missing, and on CI (CI=true) a snapshot is compared, never written: run this spec locally, review the file it writes, and commit it");
        }
    }
}

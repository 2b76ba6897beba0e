using System.Collections.Concurrent;
using System.Diagnostics;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

[E2E]
[GoldenPath]
[Isolation]
[Conformance]
[Requirement("iso.recipients", "iso.nothing-crosses", "agent.history-search", "run.fields", "run.order", "run.correlation")]
public sealed class ConcurrentIsolationTests(PlatformFixture platform)
{
    private readonly ConcurrentBag<PlatformSocket> sockets = [];
    private bool markersQuoted;

    [Fact]
    public async Task Many_users_at_once_each_complete_their_runs_and_nothing_of_one_reaches_another()
    {
        var count = platform.Environment.Isolation.Users;
        if (platform.Users.Capacity is { } capacity && capacity < count)
        {
            throw new GoldenPathException($"the isolation spec needs {count} distinct users (isolation.users) but the credentials pool holds {capacity}: add users to it, or lower isolation.users");
        }

        markersQuoted = ReferenceAgent.Checks(platform.Environment,
            "isolation: each user's marker quoted back in history_search's tool results (PROTOCOL.md §4), so a leak of it in tool results could be seen; ids are still checked");
        var clock = Stopwatch.StartNew();
        try
        {
            var participants = await Task.WhenAll(Enumerable.Range(1, count).Select(RunOneUserAsync));
            await IsolationChecker.ExpectNoLeaksAsync(platform.Backend, participants);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }

        RunReport.Append($"isolation: {count} users, {2 * count} runs, no leak, in {clock.Elapsed.TotalSeconds:0.00} s");
    }

    // Each user says something carrying a unique letters-only marker, then asks a question whose tool results quote it
    // back, so the marker travels in content, tool results and the final answer.
    private async Task<IsolationParticipant> RunOneUserAsync(int n)
    {
        var user = await platform.NewUserAsync($"iso{n}");
        var marker = Markers.New(user.UserId);
        var socket = await platform.ConnectAsync(user, $"iso{n}");
        sockets.Add(socket);
        var first = await AgentRun.SendAsync(socket, $"please remember {marker}", platform.Environment.Budgets);
        var second = await AgentRun.SendAsync(socket, "what did I ask you to remember?", platform.Environment.Budgets, first.ThreadId);

        socket.Recorder.Should().HaveValidRun(first.Expectations(socket, platform.Environment));
        socket.Recorder.Should().HaveValidRun(second.Expectations(socket, platform.Environment));
        if (markersQuoted)
        {
            second.Events.Should().Contain(e => e.Type == "tool_completed" && e.Raw.Contains(marker, StringComparison.OrdinalIgnoreCase),
                "the reference agent's history_search quotes the user's earlier message, so the marker is in the tool results; " +
                "without it this check could not see a leak{0}{1}", Environment.NewLine, socket.Recorder.Transcript());
        }

        return new IsolationParticipant(user, [socket.Recorder], marker, [first.RunId, second.RunId], [first.ThreadId]);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

/// <summary>
/// PROTOCOL.md §7 iso.nothing-crosses "for the whole life of every connection, however many runs it carries": a few residents
/// keep one connection each for many runs, one after the other, while visitors connect, run once and leave around them. Every
/// frame each connection received, from open to close, is checked against everyone else's ids and markers, then the HTTP history.
/// </summary>
[E2E]
[Isolation]
[Conformance]
[Requirement("iso.nothing-crosses", "iso.recipients", "run.golden-path", "run.order", "agent.history-search")]
public sealed class SoakIsolationTests(PlatformFixture platform)
{
    private const int Residents = 4;
    private const int RunsEach = 5;
    private const int Visitors = 12;

    private readonly ConcurrentBag<PlatformSocket> sockets = [];

    [Fact]
    public async Task Connections_kept_for_many_runs_while_others_come_and_go_never_receive_another_users_data()
    {
        if (platform.Users.Capacity is { } capacity && capacity < Residents + Visitors)
        {
            throw new GoldenPathException($"the soak spec needs {Residents + Visitors} distinct users ({Residents} residents, {Visitors} visitors) but the credentials pool holds {capacity}: add users to it");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var users = await Task.WhenAll(Enumerable.Range(0, Residents + Visitors).Select(n => platform.NewUserAsync(n < Residents ? $"resident{n + 1}" : $"visitor{n - Residents + 1}")));
            var residents = await Task.WhenAll(users.Take(Residents).Select(async (user, n) => new SoakResident(platform, user, await ConnectAsync(user, $"resident{n + 1}"))));
            var visitors = new ConcurrentQueue<IsolationParticipant>();

            // Each round every resident runs once more on its own connection, and a share of the visitors come, run and leave meanwhile.
            for (var round = 0; round < RunsEach; round++)
            {
                var arriving = Enumerable.Range(0, Visitors).Where(v => v * RunsEach / Visitors == round).ToArray();
                await Task.WhenAll(residents.Select(r => r.RunAsync(round))
                    .Concat(arriving.Select(async v => visitors.Enqueue(await VisitAsync(users[Residents + v], $"visitor{v + 1}")))));
            }

            foreach (var resident in residents)
            {
                resident.ExpectStillConnected(RunsEach);
            }

            var participants = residents.Select(r => r.AsParticipant()).Concat(visitors).ToArray();
            await IsolationChecker.ExpectNoLeaksAsync(platform.Backend, participants);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }

        RunReport.Append($"soak: {Residents} connections kept for {RunsEach} runs each, {Visitors} visitors came and went, {Residents * RunsEach + Visitors} runs, no leak, in {clock.Elapsed.TotalSeconds:0.00} s");
    }

    private async Task<PlatformSocket> ConnectAsync(TestUser user, string label)
    {
        var socket = await platform.ConnectAsync(user, label);
        sockets.Add(socket);
        return socket;
    }

    // A visitor's only message carries its marker too: it must never reach a resident, over WebSocket or in a thread list.
    private async Task<IsolationParticipant> VisitAsync(TestUser user, string label)
    {
        var marker = Markers.New(user.UserId);
        await using var socket = await platform.ConnectAsync(user, label);
        var run = await SoakResident.RunCheckedAsync(platform, socket, $"please remember {marker}", null);
        return new IsolationParticipant(user, [socket.Recorder], marker, [run.RunId], run.ThreadId is { Length: > 0 } thread ? [thread] : []);
    }
}

using System.Net;
using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Dialects;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.IntegrationTests.Backend;

[Integration]
[Conformance]
public sealed class ThreadHistoryTests(PlatformFixture platform)
{
    [Fact]
    [Requirement("http.threads", "http.messages", "run.stored")]
    public async Task A_run_leaves_its_thread_and_both_messages_oldest_first()
    {
        var user = await platform.NewUserAsync("history");
        AgentRun run;
        await using (var socket = await platform.ConnectAsync(user, "history"))
        {
            run = await AgentRun.SendAsync(socket, "what is 6 * 7?", platform.Environment.Budgets);
        }

        var history = platform.Environment.Dialect.History;
        var threads = await platform.Backend.ThreadsAsync(user.AccessToken);
        threads.Status.Should().Be(HttpStatusCode.OK, $"http.threads: {threads.Describe()}");
        var list = history.ThreadItems(threads.Json) ?? throw new GoldenPathException($"http.threads: GET /api/threads should answer {HistoryShapes.Describe(history.Threads.List)}: {threads.Describe()}");

        // The user may have older threads (a credentials pool): this run's thread is in the list once.
        var thread = list.Should().ContainSingle(t => history.ThreadIdOf(t) == run.ThreadId, $"http.threads: thread '{run.ThreadId}' once, its id at {history.Threads.ThreadId}: {threads.Describe()}").Subject;
        foreach (var field in history.Threads.AlsoCarries ?? [])
        {
            WirePath.TryRead(thread, field, out _).Should().BeTrue($"http.threads: a thread has {WirePath.Display(field)}: {threads.Describe()}");
        }

        await HistoryCheck.ExpectAsync(platform.Backend, user, run, "what is 6 * 7?");
        var messages = await platform.Backend.MessagesAsync(user.AccessToken, run.ThreadId);
        var items = history.MessageItems(messages.Json) ?? throw new GoldenPathException($"http.messages: GET /api/threads/{run.ThreadId}/messages should answer {HistoryShapes.Describe(history.Messages.List)}: {messages.Describe()}");
        foreach (var field in new[] { history.Messages.Role, history.Messages.Content, history.Messages.RunId }.OfType<string>().Concat(history.Messages.AlsoCarries ?? []))
        {
            items.Select(m => WirePath.TryRead(m, field, out var value) && value.ValueKind != JsonValueKind.Null).Should().AllBeEquivalentTo(true, $"http.messages: every message has {WirePath.Display(field)} (PROTOCOL.md §2): {messages.Describe()}");
        }
    }

    [Fact]
    [Requirement("http.messages", "http.threads", "iso.nothing-crosses")]
    public async Task Another_users_thread_is_404_and_absent_from_their_list()
    {
        var owner = await platform.NewUserAsync("history-owner");
        var stranger = await platform.NewUserAsync("history-stranger");
        AgentRun run;
        await using (var socket = await platform.ConnectAsync(owner, "owner"))
        {
            run = await AgentRun.SendAsync(socket, "what is 2 + 2?", platform.Environment.Budgets);
        }

        var foreign = await platform.Backend.MessagesAsync(stranger.AccessToken, run.ThreadId);
        ForeignThreadAnswers.Accepts(foreign.Status).Should().BeTrue($"http.messages: a thread that is not the caller's is {ForeignThreadAnswers.Expected}, never anything that shows it: {foreign.Describe()}");

        var history = platform.Environment.Dialect.History;
        var strangersThreads = await platform.Backend.ThreadsAsync(stranger.AccessToken);
        strangersThreads.Status.Should().Be(HttpStatusCode.OK, $"http.threads: {strangersThreads.Describe()}");
        var list = history.ThreadItems(strangersThreads.Json) ?? throw new GoldenPathException($"http.threads: GET /api/threads should answer {HistoryShapes.Describe(history.Threads.List)}: {strangersThreads.Describe()}");
        list.Select(history.ThreadIdOf).Should().NotContain(run.ThreadId, $"http.threads: {strangersThreads.Describe()}");
    }

    [Fact]
    [Requirement("http.messages")]
    public async Task An_unknown_thread_id_is_404()
    {
        var user = await platform.NewUserAsync("history-unknown");

        var response = await platform.Backend.MessagesAsync(user.AccessToken, Guid.NewGuid().ToString());

        response.Status.Should().Be(HttpStatusCode.NotFound, response.Describe("http.messages"));
    }

    [Fact]
    [Requirement("http.auth", "auth.jwt-refused")]
    public async Task History_without_an_access_token_is_401()
    {
        platform.Users.RequirePassword("presents the user's refresh token where an access token is required");
        var user = await platform.NewUserAsync("history-anonymous");

        var anonymous = await platform.Backend.ThreadsAsync(null);
        var withRefresh = await platform.Backend.ThreadsAsync(user.RefreshToken);

        anonymous.Status.Should().Be(HttpStatusCode.Unauthorized, anonymous.Describe("http.auth"));
        withRefresh.Status.Should().Be(HttpStatusCode.Unauthorized, $"a refresh token is never an access token: {withRefresh.Describe("auth.jwt-refused")}");
    }

    [Fact]
    [Requirement("http.threads")]
    public async Task A_new_user_has_no_threads()
    {
        platform.Users.RequireFresh("checks that a user never seen before has an empty thread list");
        var user = await platform.NewUserAsync("history-empty");

        var response = await platform.Backend.ThreadsAsync(user.AccessToken);

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("http.threads"));
        var list = platform.Environment.Dialect.History.ThreadItems(response.Json);
        list.Should().NotBeNull($"http.threads: GET /api/threads should answer {HistoryShapes.Describe(platform.Environment.Dialect.History.Threads.List)}: {response.Describe()}");
        list.Should().BeEmpty($"http.threads: {response.Describe()}");
    }
}

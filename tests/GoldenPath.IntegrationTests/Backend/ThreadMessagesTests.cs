using System.Net;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Dialects;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Backend;

/// <summary>PROTOCOL.md §2: GET /api/threads/{id}/messages is exactly that thread's messages, oldest first, when the user has two threads.</summary>
[Integration]
[Conformance]
public sealed class ThreadMessagesTests(PlatformFixture platform)
{
    private const string Rule = "http.messages";

    [Fact]
    [Requirement(Rule)]
    public async Task Each_of_two_threads_of_a_user_holds_exactly_its_own_question_and_answer()
    {
        var user = await platform.NewUserAsync("two-threads");
        (string Question, AgentRun Run)[] threads;
        await using (var socket = await platform.ConnectAsync(user, "two-threads"))
        {
            threads =
            [
                ("what is 2 + 3?", await AgentRun.SendAsync(socket, "what is 2 + 3?", platform.Environment.Budgets)),
                ("what is 4 + 5?", await AgentRun.SendAsync(socket, "what is 4 + 5?", platform.Environment.Budgets)),
            ];
        }

        threads[1].Run.ThreadId.Should().NotBe(threads[0].Run.ThreadId, "ws.thread: thread_id null starts a new thread");
        foreach (var (question, run) in threads)
        {
            await ExpectOnlyAsync(user.AccessToken, question, run);
        }
    }

    // The thread's messages are its question, then the answer of its run: no more, in that order.
    private async Task ExpectOnlyAsync(string accessToken, string question, AgentRun run)
    {
        var history = platform.Environment.Dialect.History;
        var response = await platform.Backend.MessagesAsync(accessToken, run.ThreadId);
        if (response.Status != HttpStatusCode.OK || history.MessageItems(response.Json) is not { } items)
        {
            throw new GoldenPathException($"{Rule}: GET /api/threads/{run.ThreadId}/messages should answer 200 with {HistoryShapes.Describe(history.Messages.List)}: {response.Describe()}");
        }

        var seen = string.Join(", ", items.Select(m => $"{history.RoleOf(m)} '{Shorten(history.ContentOf(m))}'"));
        if (items.Count != 2)
        {
            throw new GoldenPathException($"{Rule}: thread '{run.ThreadId}' holds {items.Count} messages ({seen}), where it has exactly two: '{question}' and the answer of run {run.RunId}: {response.Describe()}");
        }

        var answered = history.Messages.RunId is null ? history.ContentOf(items[1]) == run.FinalResponse : history.RunIdOf(items[1]) == run.RunId;
        if (history.RoleOf(items[0]) != "user" || history.ContentOf(items[0]) != question || history.RoleOf(items[1]) != "assistant" || !answered)
        {
            throw new GoldenPathException($"{Rule}: thread '{run.ThreadId}' holds {seen}, where it holds, oldest first, the user's '{question}' then the assistant's answer of run {run.RunId} " +
                                          $"(role at {WirePath.Display(history.Messages.Role)}, content at {WirePath.Display(history.Messages.Content)}" +
                                          $"{(history.Messages.RunId is { } runId ? $", run_id at {WirePath.Display(runId)}" : string.Empty)}): {response.Describe()}");
        }
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length > 60 ? text[..60] + "…" : text;
}

using System.Text.Json;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Dialects;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

[E2E]
[Conformance]
[Requirement("agent.error-run", "run.order")]
public sealed class FailingRunTests(PlatformFixture platform)
{
    private const string Rule = "agent.error-run";

    [Fact]
    public async Task A_calculation_the_agent_cannot_finish_ends_with_agent_error_after_a_failed_tool_call()
    {
        ReferenceAgent.Require(platform.Environment);
        var dialect = platform.Environment.Dialect;
        var user = await platform.NewUserAsync("failing");
        await using var socket = await platform.ConnectAsync(user, "failing");

        var run = await AgentRun.SendAsync(socket, "what is 1 / 0?", platform.Environment.Budgets);

        socket.Recorder.Should().HaveValidRun(run.Expectations(socket, platform.Environment));
        var transcript = socket.Recorder.Transcript();
        if (run.Terminal.Type != "agent_error")
        {
            throw new GoldenPathException($"{Rule}: frame #{run.Terminal.Index}, the run's terminal event, is {run.Terminal.Type}; PROTOCOL.md §4: a calculation it cannot finish ends the run with agent_error{Environment.NewLine}{transcript}");
        }

        if (!run.Terminal.Event!.HasValue("error"))
        {
            throw new GoldenPathException($"{Rule}: frame #{run.Terminal.Index} (agent_error) has no error at {WirePath.Display(dialect.Events["agent_error"].PathOf("error") ?? "error")}{Environment.NewLine}{transcript}");
        }

        var tool = run.Events.LastOrDefault(e => e.Type == "tool_completed" && e.Index < run.Terminal.Index)
            ?? throw new GoldenPathException($"{Rule}: no tool_completed came before frame #{run.Terminal.Index} (agent_error): the failed calculation is a tool call that completed unsuccessfully{Environment.NewLine}{transcript}");
        if (tool.Event!.IsAbsent("success"))
        {
            DialectNote.NotCheckable(dialect, Rule, "tool_completed carries no success flag: the failed calculation is known by agent_error alone");
        }
        else if (!tool.Event.Has("success", JsonValueKind.False))
        {
            var success = tool.Event.Fields.TryGetValue("success", out var value) ? value.GetRawText() : "missing";
            throw new GoldenPathException($"{Rule}: frame #{tool.Index} (tool_completed) has success {success}, not false: the failed calculation is a tool_completed with success false before the agent_error{Environment.NewLine}{transcript}");
        }
    }
}

using System.Text.Json;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.E2ETests.GoldenPath;

[Trait("Category", "E2E")]
[Trait("Category", "Conformance")]
public sealed class FailingRunTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_calculation_the_agent_cannot_finish_ends_with_agent_error_after_a_failed_tool_call()
    {
        ReferenceAgent.Require(platform.Environment);
        var user = await platform.NewUserAsync("failing");
        await using var socket = await platform.ConnectAsync(user, "failing");

        var run = await AgentRun.SendAsync(socket, "what is 1 / 0?", platform.Environment.Budgets);

        socket.Recorder.Should().HaveValidRun(run.Expectations(socket, platform.Environment));
        run.Terminal.Type.Should().Be("agent_error", "PROTOCOL.md §4: a calculation it cannot finish ends the run with agent_error{0}{1}", Environment.NewLine, socket.Recorder.Transcript());
        run.Terminal.Event!.HasValue("error").Should().BeTrue(socket.Recorder.Transcript());
        run.Events.Should().Contain(e => e.Type == "tool_completed" && e.Event!.Fields["success"].ValueKind == JsonValueKind.False,
            "the failed calculation is a tool_completed with success false before the agent_error{0}{1}", Environment.NewLine, socket.Recorder.Transcript());
        socket.Recorder.Closed.IsCompleted.Should().BeFalse("a failed run does not end the connection");
    }
}

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
        run.EventTypes.Should().Equal(["agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_error"], socket.Recorder.Transcript());
        var toolCompleted = run.Events.Single(e => e.Type == "tool_completed").Event!;
        toolCompleted.Fields["success"].GetBoolean().Should().BeFalse(socket.Recorder.Transcript());
        run.Terminal.Event!.HasValue("error").Should().BeTrue(socket.Recorder.Transcript());
        socket.Recorder.Closed.IsCompleted.Should().BeFalse("a failed run does not end the connection");
    }
}

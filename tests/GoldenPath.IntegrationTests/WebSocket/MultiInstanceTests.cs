using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.WebSocket;

[Integration]
[ReferenceStack]
[Requirement("iso.recipients", "ws.ack")]
public sealed class MultiInstanceTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_user_on_each_of_two_backends_receives_the_run_started_through_the_other()
    {
        var second = await platform.StartAnotherAsync("a second backend instance", PlatformService.Backend);
        var user = await platform.NewUserAsync("two-instances");

        await using var onFirst = await platform.ConnectAsync(user, "instance-1");
        await using var onSecond = await PlatformSocket.ConnectAsync(second.WebSocket, user, "instance-2", platform.Environment.Budgets.Connect);

        var startedOnSecond = await AgentRun.SendAsync(onSecond, "what is 12 * 12?", platform.Environment.Budgets);
        var seenOnFirst = await AgentRun.ObserveAsync(onFirst, startedOnSecond.RunId, platform.Environment.Budgets);
        seenOnFirst.EventTypes.Should().Equal(startedOnSecond.EventTypes, onFirst.Recorder.Transcript());
        seenOnFirst.FinalResponse.Should().Contain("144");
        onFirst.Recorder.Frames.Should().NotContain(f => f.Type == "message_ack", "the ack goes to the sending connection only");

        var startedOnFirst = await AgentRun.SendAsync(onFirst, "what is 11 * 11?", platform.Environment.Budgets);
        var seenOnSecond = await AgentRun.ObserveAsync(onSecond, startedOnFirst.RunId, platform.Environment.Budgets);
        seenOnSecond.FinalResponse.Should().Contain("121", onSecond.Recorder.Transcript());
    }
}

using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.GoldenPath;

[E2E]
[GoldenPath]
[Conformance]
[Requirement("auth.login", "auth.token-response", "auth.jwt-claims", "ws.welcome", "ws.ack", "run.fields", "run.order", "run.golden-path", "run.correlation", "run.event-id", "run.stored", "agent.calculator", "budget.connect", "budget.first-event", "budget.completion", "budget.gap")]
public sealed class GoldenPathJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_new_user_registers_asks_gets_the_five_events_and_the_answer_and_finds_it_in_the_history()
    {
        var run = await new GoldenPathJourney(platform).WalkAsync();

        run.Terminal.Type.Should().Be("agent_completed");
    }
}

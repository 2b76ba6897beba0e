using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Stack;

[Integration]
[ReferenceStack]
public sealed class StackStartupTests(PlatformFixture platform)
{
    [Fact]
    public void A_local_stack_is_healthy_within_its_budget()
    {
        var budget = platform.Environment.Budgets.StackHealthy;
        var startup = StackStartup.Measured(platform.Stack); // a remote stack has no startup time: this fails naming why, never passes on zero

        startup.Should().BeLessThan(budget, $"the stack ({platform.Stack.Description}) must be healthy within {budget.TotalSeconds} s of being asked to start");
    }
}

using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.IntegrationTests.Stack;

[Trait("Category", "Integration")]
[Trait("Category", "ReferenceStack")]
public sealed class StackStartupTests(PlatformFixture platform)
{
    [Fact]
    public void A_local_stack_is_healthy_within_its_budget()
    {
        var budget = platform.Environment.Budgets.StackHealthy;

        platform.Stack.StartupTime.Should().BeLessThan(budget, $"the stack ({platform.Stack.Description}) must be healthy within {budget.TotalSeconds} s of being asked to start");
    }
}

using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Preflight;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Preflight;

/// <summary>The environment under test, whatever it is, passes every layer of the preflight.</summary>
[Integration]
[Conformance]
[Requirement("auth.health", "http.health")]
public sealed class PreflightTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_healthy_stack_passes_every_check()
    {
        var report = await new PlatformPreflight(platform.Stack.Endpoints, platform.Environment.Budgets, () => platform.NewUserAsync("preflight")).RunAsync();

        report.Passed.Should().BeTrue(report.Table());
        report.Checks.Select(c => c.Check).Should().Contain(["dns", "tcp", "auth health", "backend health", "backend ready", "websocket upgrade", "websocket auth"]);
    }
}

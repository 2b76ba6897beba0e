using System.Net;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Auth;

[Integration]
[Conformance]
[Requirement("auth.health")]
public sealed class AuthHealthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Auth_health_is_healthy_with_postgres_and_redis_ok()
    {
        var response = await platform.Auth.HealthAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("auth.health"));
        
        response.Text("auth.health", "status").Should().Be("healthy", response.Describe("auth.health"));
        response.Text("auth.health", "service").Should().Be("auth", response.Describe("auth.health"));
        response.Text("auth.health", "checks.postgres").Should().Be("ok", response.Describe("auth.health"));
        response.Text("auth.health", "checks.redis").Should().Be("ok", response.Describe("auth.health"));
    }
}

using System.Net;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Backend;

[Integration]
[Conformance]
[Requirement("http.health")]
public sealed class BackendHealthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Backend_health_is_healthy_with_postgres_and_redis_ok()
    {
        var response = await platform.Backend.HealthAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("http.health"));
        
        response.Text("http.health", "status").Should().Be("healthy", response.Describe("http.health"));
        response.Text("http.health", "service").Should().Be("backend", response.Describe("http.health"));
        response.Text("http.health", "checks.postgres").Should().Be("ok", response.Describe("http.health"));
        response.Text("http.health", "checks.redis").Should().Be("ok", response.Describe("http.health"));
    }

    [Fact]
    public async Task Backend_is_ready()
    {
        var response = await platform.Backend.ReadyAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe("http.health"));
    }
}

using System.Net;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.IntegrationTests.Backend;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class BackendHealthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Backend_health_is_healthy_with_postgres_and_redis_ok()
    {
        var response = await platform.Backend.HealthAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe());
        var body = response.RequireJson();
        body.GetProperty("status").GetString().Should().Be("healthy");
        body.GetProperty("service").GetString().Should().Be("backend");
        body.GetProperty("checks").GetProperty("postgres").GetString().Should().Be("ok");
        body.GetProperty("checks").GetProperty("redis").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task Backend_is_ready()
    {
        var response = await platform.Backend.ReadyAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe());
    }
}

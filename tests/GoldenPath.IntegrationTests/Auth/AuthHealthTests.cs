using System.Net;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.IntegrationTests.Auth;

[Trait("Category", "Integration")]
[Trait("Category", "Conformance")]
public sealed class AuthHealthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Auth_health_is_healthy_with_postgres_and_redis_ok()
    {
        var response = await platform.Auth.HealthAsync();

        response.Status.Should().Be(HttpStatusCode.OK, response.Describe());
        var body = response.RequireJson();
        body.GetProperty("status").GetString().Should().Be("healthy");
        body.GetProperty("service").GetString().Should().Be("auth");
        body.GetProperty("checks").GetProperty("postgres").GetString().Should().Be("ok");
        body.GetProperty("checks").GetProperty("redis").GetString().Should().Be("ok");
    }
}

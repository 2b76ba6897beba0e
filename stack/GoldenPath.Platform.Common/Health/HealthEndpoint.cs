using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoldenPath.Platform.Common.Health;

public static class HealthEndpoint
{
    public static IEndpointConventionBuilder MapPlatformHealth(this IEndpointRouteBuilder endpoints, string service) =>
        endpoints.MapGet("/health", async (HealthChecker checker, HttpContext context) =>
        {
            var report = await checker.CheckAsync(service, context.RequestAborted);
            return Results.Json(report, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}

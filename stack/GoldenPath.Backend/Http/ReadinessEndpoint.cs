using GoldenPath.Backend.Events;

namespace GoldenPath.Backend.Http;

public static class ReadinessEndpoint
{
    public static void MapReadiness(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health/ready", (BackendReadiness readiness) => readiness.IsReady
            ? Results.Json(new ReadinessReport("ready"))
            : Results.Json(new ReadinessReport("not_ready"), statusCode: StatusCodes.Status503ServiceUnavailable));

    private sealed record ReadinessReport(string Status);
}

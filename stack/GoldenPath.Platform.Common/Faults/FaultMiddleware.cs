using GoldenPath.Platform.Common.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.Platform.Common.Faults;

/// <summary>Applies the HTTP-level faults before anything else sees the request.</summary>
public static class FaultMiddleware
{
    private static readonly string[] WebSocketPaths = ["/ws", "/api/v1/websocket"];

    public static void UseFaults(this WebApplication app, FaultSwitches faults, string service)
    {
        if (!faults.MayBeOn)
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (faults.IsOn(FaultSwitches.Health503) && path == "/health")
            {
                var report = HealthReport.From(service, new HealthChecks(HealthChecker.Ok, $"fault injected ({FaultSwitches.Health503}): connection refused"));
                await Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            if (faults.IsOn(FaultSwitches.HealthNoChecks) && path == "/health")
            {
                // 200 and "healthy", but no checks: a health answer that says nothing of the dependencies.
                await Results.Json(new { status = "healthy", service }).ExecuteAsync(context);
                return;
            }

            var isWebSocketRoute = WebSocketPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
            var isAlias = path.Equals(WebSocketPaths[1], StringComparison.OrdinalIgnoreCase);
            if ((faults.IsOn(FaultSwitches.WebSocket404) && isWebSocketRoute) || (faults.IsOn(FaultSwitches.WebSocketAlias404) && isAlias))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (faults.IsOn(FaultSwitches.HandshakeDelayFault) && isWebSocketRoute)
            {
                await Task.Delay(faults.HandshakeDelay, context.RequestAborted);
            }

            await next(context);
        });
    }
}

using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;
using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Http;

/// <summary>An unhandled exception still answers with the platform's error body: 503 when a dependency is down, else 500.</summary>
public static class ErrorBodies
{
    public static void UsePlatformErrorBodies(this WebApplication app) =>
        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            var dependencyDown = context.Features.Get<IExceptionHandlerFeature>()?.Error is NpgsqlException or RedisException or TimeoutException;
            var error = dependencyDown
                ? new ApiError("service_unavailable", PlatformVariant.Current.ErrorMessage("a dependency of the service is unavailable"))
                : new ApiError("internal_error", PlatformVariant.Current.ErrorMessage("the request failed"));
            context.Response.StatusCode = dependencyDown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsJsonAsync(error, PlatformJson.Options);
        }));
}

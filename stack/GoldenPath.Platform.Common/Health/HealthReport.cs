using System.Text.Json.Serialization;

namespace GoldenPath.Platform.Common.Health;

/// <summary>Body of GET /health: each check is "ok" or the reason it failed.</summary>
public sealed record HealthReport(string Status, string Service, HealthChecks Checks)
{
    [JsonIgnore]
    public bool IsHealthy => Checks.AllOk;

    public static HealthReport From(string service, HealthChecks checks) =>
        new(checks.AllOk ? "healthy" : "unhealthy", service, checks);
}

public sealed record HealthChecks(string Postgres, string Redis)
{
    [JsonIgnore]
    public bool AllOk => Postgres == HealthChecker.Ok && Redis == HealthChecker.Ok;
}

using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Faults;
using GoldenPath.Platform.Common.Health;
using GoldenPath.Platform.Common.Http;
using GoldenPath.Platform.Common.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Hosting;

/// <summary>
/// The life of a service process: validate configuration (exit 2), prepare the schema (exit 1 if
/// PostgreSQL stays away), listen, announce the address on stdout, run until stopped.
/// </summary>
public static class PlatformApplication
{
    private static readonly TimeSpan SchemaBudget = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(
        string[] args,
        string service,
        Action<IServiceCollection> addServices,
        Action<WebApplication> mapEndpoints)
    {
        PlatformSettings settings;
        try
        {
            settings = SettingsLoader.FromEnvironment();
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"configuration error: {ex.Variable} {ex.Problem}");
            return 2;
        }

        PlatformVariant.Activate(settings.Variant);
        PlatformDialect.Activate(settings.Dialect);

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddPlatform(settings);
        addServices(builder.Services);
        await using var app = builder.Build();

        try
        {
            // Connect to Redis now rather than on the first request, alongside the schema work to start sooner.
            // A Redis outage does not stop startup: /health reports it.
            var redis = Task.Run(app.Services.GetRequiredService<IConnectionMultiplexer>);
            await app.Services.GetRequiredService<SchemaInitializer>().EnsureCreatedAsync(SchemaBudget, CancellationToken.None);
            await redis;
            app.UseFaults(settings.Faults, service);
            app.UsePlatformErrorBodies();
            app.MapPlatformHealth(service);
            mapEndpoints(app);
            await app.StartAsync();
        }
        catch (Exception ex) when (ex is StartupException or IOException)
        {
            await Console.Error.WriteLineAsync($"startup error: {service}: {ex.Message}");
            return 1;
        }

        Console.Out.WriteLine(ListeningLine.For(service, app.Services, settings.BindAddress));
        await app.WaitForShutdownAsync();
        return 0;
    }
}

using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Health;
using GoldenPath.Platform.Common.Json;
using GoldenPath.Platform.Common.Redis;
using GoldenPath.Platform.Common.Storage;
using GoldenPath.Platform.Common.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Hosting;

/// <summary>What both services configure the same way: Kestrel, logging, JSON, and the shared services.</summary>
public static class PlatformServices
{
    public static void AddPlatform(this WebApplicationBuilder builder, PlatformSettings settings)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.BindAddress, settings.Port, listen =>
        {
            if (settings.Tls is { } tls)
            {
                listen.UseHttps(X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath));
            }
        }));
        ConfigureLogging(builder.Logging);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(json => PlatformJson.Configure(json.SerializerOptions));

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Jwt);
        services.AddSingleton(settings.Faults);
        services.AddSingleton(settings.Variant);
        services.AddSingleton(settings.Dialect);
        services.AddSingleton<Ids.IdGenerator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresPool.Sized(settings.PostgresConnection)));
        services.AddSingleton(_ => RedisConnector.Connect(settings.RedisConnection));
        services.AddSingleton<SchemaInitializer>();
        services.AddSingleton<HealthChecker>();
        services.AddSingleton<JwtIssuer>();
        services.AddSingleton<JwtValidator>();
        services.AddSingleton<RevokedTokenStore>();
        services.AddSingleton<AccessTokenAuthenticator>();
        if (settings.ParentProcessId is { } parentPid)
        {
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ParentProcessWatcher>(provider, parentPid));
        }
    }

    // stdout carries only the GOLDENPATH_LISTENING line, so every log line goes to stderr.
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
    }
}

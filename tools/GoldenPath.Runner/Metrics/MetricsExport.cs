using System.Net;
using GoldenPath.Runner.Cli;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GoldenPath.Runner.Metrics;

/// <summary>
/// Where <see cref="GoldenPathMetrics"/> go: a Prometheus scrape endpoint (<c>http://ADDRESS/metrics</c>, watch's
/// <c>--metrics-listen</c>) and OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (its protocol, headers and
/// interval from the standard OTEL_EXPORTER_OTLP_* variables). Neither: no provider, nothing exported.
/// </summary>
internal sealed class MetricsExport : IDisposable
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private readonly MeterProvider provider;

    private MetricsExport(MeterProvider provider, IPEndPoint? listen, bool otlp)
    {
        this.provider = provider;
        Listen = listen;
        Otlp = otlp;
    }

    public IPEndPoint? Listen { get; }

    public bool Otlp { get; }

    /// <summary>"scrape http://127.0.0.1:9464/metrics, OTLP (OTEL_EXPORTER_OTLP_ENDPOINT)".</summary>
    public string Describe() => string.Join(", ", new[]
    {
        Listen is null ? null : $"scrape {ScrapeUrl(Listen)}",
        Otlp ? $"OTLP ({OtlpEndpointVariable})" : null,
    }.OfType<string>());

    public static bool OtlpConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable));

    /// <summary>The export for <paramref name="service"/> (watch, slo, scale): null when neither a listen address nor OTLP is asked for.</summary>
    /// <exception cref="UsageException">The address cannot be listened on (taken, not this machine's).</exception>
    public static MetricsExport? Start(string service, IPEndPoint? listen)
    {
        var otlp = OtlpConfigured;
        if (listen is null && !otlp)
        {
            return null;
        }

        var builder = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("goldenpath-" + service))
            .AddMeter(GoldenPathMetrics.MeterName);
        if (listen is not null)
        {
            builder.AddPrometheusHttpListener(o =>
            {
                o.Host = listen.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen.Address}]" : listen.Address.ToString();
                o.Port = listen.Port;
                o.ScrapeEndpointPath = "/metrics";
            });
        }

        if (otlp)
        {
            builder.AddOtlpExporter();
        }

        try
        {
            return new MetricsExport(builder.Build(), listen, otlp);
        }
        catch (Exception e) when (e is HttpListenerException or InvalidOperationException)
        {
            throw new UsageException($"--metrics-listen {listen}: cannot serve metrics there ({e.Message}); is another process listening on it?");
        }
    }

    /// <summary>"127.0.0.1:9464" or "[::1]:9464": an address and a port, nothing else.</summary>
    public static bool TryParseListen(string? text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        return IPEndPoint.TryParse(text ?? string.Empty, out endpoint) && endpoint.Port > 0; // no port parses as port 0
    }

    public static Uri ScrapeUrl(IPEndPoint listen) => new($"http://{listen}/metrics");

    /// <summary>
    /// Pushes what was measured and ends the export (slo and scale at their end): one last export, not a flush and then the
    /// shutdown's own; false when the exporter did not finish within <paramref name="timeout"/>.
    /// </summary>
    public bool Close(TimeSpan timeout) => provider.Shutdown((int)timeout.TotalMilliseconds);

    public void Dispose() => provider.Dispose();
}

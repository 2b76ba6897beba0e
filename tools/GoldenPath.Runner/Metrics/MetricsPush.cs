using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Metrics;

/// <summary>
/// <c>slo</c> and <c>scale</c> at their end: when OTEL_EXPORTER_OTLP_ENDPOINT is set, their totals go out once over OTLP
/// (the same instruments a watch exports); without it, nothing happens.
/// </summary>
internal static class MetricsPush
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    public static void AtEnd(string command, Action<GoldenPathMetrics> record)
    {
        using var errors = new OtlpExportErrors();
        using var export = MetricsExport.Start(command, listen: null);
        if (export is null)
        {
            return;
        }

        using var metrics = new GoldenPathMetrics();
        record(metrics);
        var closed = export.Close(FlushTimeout);
        Say.Line(errors.First is { } error
            ? $"{command}: metrics not pushed over OTLP ({MetricsExport.OtlpEndpointVariable}): {SecretMasker.Apply(error)}"
            : closed
                ? $"{command}: metrics pushed over OTLP ({MetricsExport.OtlpEndpointVariable})"
                : $"{command}: metrics not pushed: the OTLP endpoint ({MetricsExport.OtlpEndpointVariable}) did not take them within {FlushTimeout.TotalSeconds:0} s");
    }
}

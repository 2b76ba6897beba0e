using System.Diagnostics.Tracing;

namespace GoldenPath.Runner.Metrics;

/// <summary>
/// The OTLP exporter's own warnings and errors (its EventSource) while they are listened to: the exporter reports an
/// unreachable or refusing endpoint only there, and its shutdown succeeds either way.
/// </summary>
internal sealed class OtlpExportErrors : EventListener
{
    private const string SourcePrefix = "OpenTelemetry-Exporter-OpenTelemetryProtocol";
    private string? first;

    /// <summary>The first warning or error, formatted (null: none).</summary>
    public string? First => Volatile.Read(ref first);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name.StartsWith(SourcePrefix, StringComparison.Ordinal))
        {
            EnableEvents(source, EventLevel.Warning);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Level is EventLevel.Warning or EventLevel.Error or EventLevel.Critical)
        {
            var text = e.Message is { } format && e.Payload is { } payload ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, payload.ToArray()) : e.EventName;
            Interlocked.CompareExchange(ref first, text?.Split('\n')[0].Trim(), null);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldenPath.E2ETests.Monitoring;

/// <summary>Alertmanager's webhook body (version 4), the parts the spec reads: firing or resolved, and each alert's labels and annotations.</summary>
internal sealed record AlertNotification(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertNotification.Alert> Alerts)
{
    public static AlertNotification Parse(string body) =>
        JsonSerializer.Deserialize<AlertNotification>(body) ?? throw new JsonException("an empty webhook body");

    public bool Is(string status, string alertname) =>
        Status == status && GroupLabels.TryGetValue("alertname", out var name) && name == alertname;

    /// <summary>"firing GoldenPathPreflightLayerDown {check=backend health, environment=staging}: preflight layer 'backend health' down in staging".</summary>
    public override string ToString() => string.Join(Environment.NewLine, Alerts.Select(a =>
        $"{a.Status} {a.Labels.GetValueOrDefault("alertname")} {{{string.Join(", ", a.Labels.Where(l => l.Key != "alertname").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))}}}: " +
        a.Annotations.GetValueOrDefault("summary")));

    internal sealed record Alert(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
        [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations);
}

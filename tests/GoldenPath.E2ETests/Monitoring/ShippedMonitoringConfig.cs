using System.Text.RegularExpressions;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.E2ETests.Monitoring;

/// <summary>
/// deploy/monitoring's own files, as shipped, retargeted at the spec's loopback ports and sped up: scrape and evaluate every
/// second, every alert's <c>for:</c> 2 s, Alertmanager's group waits 1 s. Each change must find what it replaces, so a
/// reworded shipped file fails here by name rather than silently testing something else.
/// </summary>
internal static partial class ShippedMonitoringConfig
{
    public const string ShippedWebhook = "http://127.0.0.1:5001/goldenpath";

    private static string Folder => Path.Combine(RepositoryLayout.Root, "deploy", "monitoring");

    /// <summary>prometheus.yml and goldenpath-rules.yml in <paramref name="folder"/>; the config's path.</summary>
    public static string WritePrometheus(string folder, int watchPort, int alertmanagerPort)
    {
        var config = Read("prometheus.yml");
        config = Replace(config, "prometheus.yml", "scrape_interval: 15s", "scrape_interval: 1s");
        config = Replace(config, "prometheus.yml", "evaluation_interval: 15s", "evaluation_interval: 1s");
        config = Replace(config, "prometheus.yml", "127.0.0.1:9093", $"127.0.0.1:{alertmanagerPort}");
        config = Replace(config, "prometheus.yml", "127.0.0.1:9464", $"127.0.0.1:{watchPort}");
        var rules = Read("goldenpath-rules.yml");
        if (For().Matches(rules).Count == 0)
        {
            throw new GoldenPathException("deploy/monitoring/goldenpath-rules.yml has no 'for:' left to shorten: the spec's timing assumptions no longer hold");
        }

        File.WriteAllText(Path.Combine(folder, "goldenpath-rules.yml"), For().Replace(rules, "for: 2s"));
        var path = Path.Combine(folder, "prometheus.yml");
        File.WriteAllText(path, config);
        return path;
    }

    /// <summary>alertmanager.yml in <paramref name="folder"/>, its webhook receiver pointed at <paramref name="webhook"/>; the config's path.</summary>
    public static string WriteAlertmanager(string folder, Uri webhook)
    {
        var config = Read("alertmanager.yml");
        config = Replace(config, "alertmanager.yml", ShippedWebhook, webhook.ToString());
        config = Replace(config, "alertmanager.yml", "group_wait: 30s", "group_wait: 1s");
        config = Replace(config, "alertmanager.yml", "group_interval: 5m", "group_interval: 1s");
        var path = Path.Combine(folder, "alertmanager.yml");
        File.WriteAllText(path, config);
        return path;
    }

    /// <summary>The dashboard's queries, its variables filled in as Grafana would for one environment.</summary>
    public static IReadOnlyList<(string Panel, string Query)> DashboardQueries(string environment)
    {
        using var dashboard = System.Text.Json.JsonDocument.Parse(Read("grafana/goldenpath-dashboard.json"));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (p.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!
                .Replace("$environment", environment, StringComparison.Ordinal)
                .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
                .Replace("$__range", "5m", StringComparison.Ordinal))))
            .ToArray();
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    private static string Replace(string text, string file, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal)
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new GoldenPathException($"deploy/monitoring/{file} no longer has '{old}', which the monitoring spec retargets; update ShippedMonitoringConfig with the file");

    [GeneratedRegex(@"for: \d+[smh]")]
    private static partial Regex For();
}

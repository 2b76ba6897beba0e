using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenPath.Fixtures;

namespace GoldenPath.UnitTests.Monitoring;

/// <summary>
/// deploy/monitoring queries only what the runner exports: every goldenpath_ name in the alert rules, their promtool tests
/// and the Grafana dashboard is a series a real scrape of the runner's metrics shows. And the dashboard provisions as it is.
/// (promtool and amtool check the files' syntax and the rules' behaviour: .ci/monitoring-check.sh.)
/// </summary>
[Unit]
public sealed partial class MonitoringConfigTests
{
    private static string Monitoring => Path.Combine(RepositoryLayout.Root, "deploy", "monitoring");

    private static string DashboardFile => Path.Combine(Monitoring, "grafana", "goldenpath-dashboard.json");

    [Theory]
    [InlineData("goldenpath-rules.yml")]
    [InlineData("goldenpath-rules.test.yml")]
    [InlineData("grafana/goldenpath-dashboard.json")]
    public async Task Every_metric_the_file_uses_is_one_the_runner_exports(string file)
    {
        var exported = (await MetricsScrape.EveryMeasurementAsync("unit-config-" + Path.GetFileNameWithoutExtension(file))).Select(s => s.Name).ToHashSet();
        var used = MetricName().Matches(await File.ReadAllTextAsync(Path.Combine(Monitoring, file), TestContext.Current.CancellationToken))
            .Select(m => m.Value).Distinct().ToArray();

        used.Should().NotBeEmpty($"{file} queries the golden path's metrics");
        used.Where(name => !exported.Contains(name)).Should().BeEmpty(
            $"every metric {file} uses must be one the runner exports (GoldenPathMetrics); a scrape shows: {string.Join(", ", exported.Order())}");
    }

    [Fact]
    public void The_dashboard_provisions_as_it_is_every_panel_reading_the_chosen_Prometheus()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        var root = dashboard.RootElement;

        root.GetProperty("uid").GetString().Should().Be("goldenpath", "provisioning keeps a dashboard by its uid");
        File.ReadAllText(DashboardFile).Should().NotContain("${DS_", "an import-time input (${DS_…}) is left unresolved when a dashboard is provisioned from a file");
        root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Should().Contain(v => v.GetProperty("name").GetString() == "datasource" && v.GetProperty("type").GetString() == "datasource");
        var panels = root.GetProperty("panels").EnumerateArray().ToArray();
        panels.Select(p => p.GetProperty("title").GetString()).Should().Contain(["Availability", "Success ratio (15 min) and threshold", "Per-step latency: p50, p95, p99 and budgets", "Preflight layers", "Isolation leaks"]);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            panel.GetProperty("datasource").GetProperty("uid").GetString().Should().Be("${datasource}", $"panel '{title}' reads the dashboard's Prometheus variable");
            panel.GetProperty("targets").EnumerateArray().Should().NotBeEmpty($"panel '{title}' has a query")
                .And.AllSatisfy(t => t.GetProperty("expr").GetString().Should().Contain("goldenpath_", $"panel '{title}' queries the golden path's metrics"));
        }
    }

    [GeneratedRegex(@"\bgoldenpath_[a-z0-9_]+")]
    private static partial Regex MetricName();
}

using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;
using GoldenPath.IntegrationTests.Watch;

namespace GoldenPath.E2ETests.Monitoring;

/// <summary>
/// The monitoring path end to end with the real components (docs/monitoring.md): run-tests watch with its metrics on loopback
/// against a backend whose faults a file switches, a real Prometheus scraping it with deploy/monitoring's rules, a real
/// Alertmanager with deploy/monitoring's routing, and a webhook receiver of the spec's own. A fault gives a firing
/// notification naming the failing preflight layer; cleared, a resolved one. The time from fault to notification is printed.
/// </summary>
[E2E]
[ReferenceStack]
[Monitoring]
public sealed class AlertingTests(PlatformFixture platform) : IDisposable
{
    private const string Location = "e2e-loopback";
    private const string LayerDown = "GoldenPathPreflightLayerDown";
    private const string Failing = "GoldenPathFailing";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-monitoring-");
    private readonly List<string> report = [];

    public void Dispose()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, report));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_fault_fires_an_Alertmanager_notification_naming_the_failing_layer_and_clearing_it_resolves_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        var faults = FaultsFile();
        var endpoints = await platform.StartAnotherAsync("a backend whose faults a file switches", PlatformService.Backend,
            new Dictionary<string, string> { ["GOLDENPATH_FAULTS_FILE"] = faults });

        // Everything below is stopped in reverse order on the way out, and by the run's watchdog if this process dies.
        using var run = RunDirectory.Create();
        await using var webhook = WebhookReceiver.Start();
        var alertmanagerFolder = Directory.CreateDirectory(Path.Combine(run.Path, "alertmanager")).FullName;
        using var alertmanager = await MonitoringServer.StartAsync(run, "prometheus-alertmanager", "prometheus-alertmanager", port =>
        [
            "--config.file=" + ShippedMonitoringConfig.WriteAlertmanager(alertmanagerFolder, webhook.Url), $"--storage.path={alertmanagerFolder}/data",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", // no peers: nothing listens beyond loopback
        ], StartTimeout);

        var metricsPort = FreePort.Next();
        var metrics = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
        using var watch = WatchProcess.Start(endpoints, webhook: null, Path.Combine(folder.FullName, "results"), intervalSeconds: 1,
            ["--metrics-listen", $"127.0.0.1:{metricsPort}", "--location", Location]);
        run.Register("watch", watch.Id);
        var scrape = await UntilAsync("the watch's first healthy tick on its /metrics", watch, async ct =>
            await ScrapeAsync(metrics, ct) is { } text && text.Contains($"location=\"{Location}\"", StringComparison.Ordinal) && text.Contains("goldenpath_up{", StringComparison.Ordinal) ? text : null);
        report.Add($"scrape of {metrics} during the watch (goldenpath_ lines, buckets left out):");
        report.AddRange(scrape.Split('\n').Where(l => l.StartsWith("goldenpath_", StringComparison.Ordinal) && !l.Contains("_bucket{", StringComparison.Ordinal)).Select(l => "  " + l));

        // Started once the watch serves, so it never sees the watcher down (GoldenPathWatchDown).
        var prometheusFolder = Directory.CreateDirectory(Path.Combine(run.Path, "prometheus")).FullName;
        using var prometheus = await MonitoringServer.StartAsync(run, "prometheus", "prometheus", port =>
        [
            "--config.file=" + ShippedMonitoringConfig.WritePrometheus(prometheusFolder, metricsPort, alertmanager.Url.Port), $"--storage.tsdb.path={prometheusFolder}/data",
            $"--web.listen-address=127.0.0.1:{port}", "--rules.alert.resend-delay=1s",
        ], StartTimeout);
        await UntilAsync("Prometheus to scrape goldenpath_up 1", watch, async ct =>
            (await PrometheusQuery.VectorAsync(prometheus.Url, $"goldenpath_up{{location=\"{Location}\"}} == 1", ct)).Count > 0 ? "up" : null);
        webhook.Bodies.Should().BeEmpty("a healthy golden path notifies nobody");

        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(faults, "health-503", cancel);
        var firing = await NotificationAsync("firing", LayerDown, webhook, watch);
        var toFiring = clock.Elapsed;
        firing.Alerts.Should().ContainSingle().Which.Labels.Should().Contain("check", "backend health", "the notification names the failing layer");
        firing.Alerts[0].Annotations["summary"].Should().Be("preflight layer 'backend health' down in staging");
        var failing = await NotificationAsync("firing", Failing, webhook, watch);
        failing.Alerts.Should().ContainSingle().Which.Labels.Should().Contain("location", Location);
        var toFailing = clock.Elapsed;

        var dashboard = await DashboardQueriesAsync(prometheus.Url, cancel);

        clock.Restart();
        await File.WriteAllTextAsync(faults, string.Empty, cancel);
        var resolved = await NotificationAsync("resolved", LayerDown, webhook, watch);
        var toResolved = clock.Elapsed;
        resolved.Alerts.Should().ContainSingle().Which.Labels.Should().Contain("check", "backend health");
        await NotificationAsync("resolved", Failing, webhook, watch);

        report.Add("notifications as the webhook received them:");
        report.AddRange(webhook.Bodies.Select(b => "  " + AlertNotification.Parse(b).ToString().Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal)));
        report.Add($"the first firing {LayerDown} notification's body, as received: {webhook.Bodies.First(b => AlertNotification.Parse(b).Is("firing", LayerDown))}");
        report.Add($"fault switched on → firing {LayerDown} notification: {toFiring.TotalSeconds:0.0} s; → firing {Failing}: {toFailing.TotalSeconds:0.0} s; " +
                   $"fault cleared → resolved {LayerDown}: {toResolved.TotalSeconds:0.0} s (watch tick 1 s, scrape and evaluation 1 s, for: 2 s, group_wait 1 s)");
        report.Add($"dashboard queries evaluated by Prometheus: {dashboard}");

        (await watch.TerminateAsync()).Succeeded.Should().BeTrue();
        (await DeadlineWait.ForTaskAsync(watch.WaitForExitAsync(), TimeSpan.FromSeconds(30))).Should().BeTrue($"SIGTERM stops the watch; it said:{Environment.NewLine}{watch.Output}");
        watch.ExitCode.Should().Be(0, watch.Output);
    }

    /// <summary>Every query of the shipped dashboard, as Grafana would send it: Prometheus must accept each; the panels fed by a watch have data.</summary>
    private static async Task<string> DashboardQueriesAsync(Uri prometheus, CancellationToken cancel)
    {
        var queries = ShippedMonitoringConfig.DashboardQueries("staging");
        var empty = new List<string>();
        foreach (var (panel, query) in queries)
        {
            if ((await PrometheusQuery.VectorAsync(prometheus, query, cancel)).Count == 0)
            {
                empty.Add(panel);
            }
        }

        empty.Should().NotContain(["Availability", "Golden path up, per tick", "Preflight layers", "Isolation leaks"], "a watch feeds these panels from its first tick");
        return $"{queries.Count} accepted; without data yet: {(empty.Count == 0 ? "none" : string.Join(", ", empty.Distinct()))}";
    }

    private async Task<AlertNotification> NotificationAsync(string status, string alertname, WebhookReceiver webhook, WatchProcess watch) =>
        await UntilAsync($"a {status} {alertname} notification", watch, _ => Task.FromResult(
            webhook.Bodies.Select(AlertNotification.Parse).LastOrDefault(n => n.Is(status, alertname))), webhook);

    private static async Task<string?> ScrapeAsync(Uri metrics, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return await http.GetStringAsync(metrics, cancel);
        }
        catch (HttpRequestException)
        {
            return null; // the watch is not serving yet
        }
    }

    private async Task<T> UntilAsync<T>(string what, WatchProcess watch, Func<CancellationToken, Task<T?>> probe, WebhookReceiver? webhook = null)
        where T : class
    {
        var found = await DeadlineWait.PollAsync(async ct => watch.HasExited ? throw new GoldenPathException($"the watch exited ({watch.ExitCode}) before {what}; it said:{Environment.NewLine}{watch.Output}") : await probe(ct),
            Deadline, TestContext.Current.CancellationToken);
        return found ?? throw new GoldenPathException($"no {what} within {Deadline.TotalSeconds:0} s; " +
                                                      $"the webhook got {webhook?.Bodies.Count ?? 0} notification(s): {string.Join(" | ", webhook?.Bodies.Select(b => AlertNotification.Parse(b).ToString()) ?? [])}; " +
                                                      $"the watch said:{Environment.NewLine}{watch.Output}");
    }

    /// <summary>The backend's faults file, in a folder of its own readable by the services' user (the containers stack mounts it).</summary>
    private string FaultsFile()
    {
        var faultsFolder = folder.CreateSubdirectory("faults");
        if (!OperatingSystem.IsWindows()) // RunDirectory (below) refuses Windows with its own diagnosis
        {
            faultsFolder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        }

        return Path.Combine(faultsFolder.FullName, "faults");
    }
}

using System.CommandLine;
using System.Globalization;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Metrics;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// <c>run-tests watch</c>: continuous synthetic monitoring. Starts (or points at) the platform once, then every interval runs the
/// preflight and K journeys, appends a tick to the history and alerts a webhook when the state changes; with
/// <c>--metrics-listen</c> (or OTEL_EXPORTER_OTLP_ENDPOINT) exports <see cref="GoldenPathMetrics"/>. Stops on Ctrl-C or
/// SIGTERM, tearing down a stack it started: exit 0.
/// </summary>
internal static class WatchCommand
{
    private const string HistoryFileName = "watch-history.jsonl";

    public static Command Create(RunnerOptions options)
    {
        var interval = new Option<double>("--interval") { Description = "seconds from the start of one tick to the next", HelpName = "SECONDS", Required = true };
        var webhook = new Option<string?>("--alert-webhook") { Description = "POST a Slack-compatible alert here when the state changes (healthy → failing, failing → healthy)", HelpName = "URL" };
        var journeys = new Option<int>("--journeys-per-tick") { Description = "golden-path journeys a tick walks at once, after a passing preflight", HelpName = "K", DefaultValueFactory = _ => 1 };
        var history = new Option<string?>("--history") { Description = $"the JSON-lines history, one tick a line (default: <results>/{HistoryFileName})", HelpName = "FILE" };
        var metricsListen = new Option<string?>("--metrics-listen") { Description = "serve Prometheus metrics at http://ADDRESS:PORT/metrics, e.g. 127.0.0.1:9464 (OTLP too when OTEL_EXPORTER_OTLP_ENDPOINT is set)", HelpName = "ADDRESS:PORT" };
        var location = new Option<string>("--location") { Description = "the metrics' location label: where this watcher runs, so watchers in several regions feed one Prometheus (default: the host name)", HelpName = "NAME", DefaultValueFactory = _ => System.Net.Dns.GetHostName() };
        interval.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 86_400))
            {
                r.AddError("--interval takes seconds, more than 0 and at most 86400");
            }
        });
        journeys.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is not (>= 1 and <= 100))
            {
                r.AddError("--journeys-per-tick takes a number of journeys from 1 to 100");
            }
        });
        metricsListen.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !MetricsExport.TryParseListen(text, out _))
            {
                r.AddError("--metrics-listen takes an address and a port, e.g. 127.0.0.1:9464 or [::1]:9464");
            }
        });
        location.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
            {
                r.AddError("--location takes a name, e.g. eu-west");
            }
        });
        webhook.Validators.Add(r =>
        {
            if (!WebhookUrl(r.GetValueOrDefault<string?>()).Valid)
            {
                r.AddError("--alert-webhook takes an absolute http:// or https:// URL");
            }
        });

        var command = new Command("watch", "continuous synthetic monitoring: every interval the preflight and K journeys; a history line a tick; a webhook alert when the state changes. Ctrl-C or SIGTERM stops it")
        {
            interval, webhook, journeys, history, metricsListen, location,
        };
        RunnerOptions.AddTo(command, options.Platform);
        command.SetAction(async (parse, stop) =>
        {
            var run = options.Read(parse);
            using var results = ResultsFolder.Claim(run, "watch", fresh: false);
            run = run with { Results = results.Path };
            MetricsExport.TryParseListen(parse.GetValue(metricsListen), out var listen);
            return await ExecuteAsync(run, parse.GetValue(interval), parse.GetValue(journeys), parse.GetValue(history) ?? Path.Combine(run.Results, HistoryFileName),
                WebhookUrl(parse.GetValue(webhook)).Url, new WatchMetricsSettings(listen, parse.GetValue(location)!), stop).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunSettings run, double intervalSeconds, int journeysPerTick, string historyPath, Uri? webhookUrl, WatchMetricsSettings metricsSettings, CancellationToken stop)
    {
        var environment = run.ApplyAndLoad();
        var successRate = SuccessRate(environment);
        using var metrics = new GoldenPathMetrics();
        using var export = MetricsExport.Start("watch", metricsSettings.Listen);
        metrics.Thresholds(environment, successRate);
        var interval = TimeSpan.FromSeconds(intervalSeconds);
        var settings = new WatchSettings(interval, journeysPerTick, Path.GetFullPath(historyPath), webhookUrl, WatchSettings.DeadlineFor(interval, environment.Budgets.Completion));
        using var webhook = webhookUrl is null ? null : new AlertWebhook(webhookUrl, Console.Out);
        Console.WriteLine($"watch: environment '{environment.Name}' ({environment.Stack.Provider}): starting or finding the platform");

        // A failed preflight is no reason to stop: a target that is down is what the watch reports, tick by tick.
        return await PlatformSession.RunAsync("watch", run, environment, async (platform, target, signalled) =>
        {
            Console.WriteLine($"watch: a tick every {Seconds(interval)} s ({journeysPerTick} journey{(journeysPerTick == 1 ? string.Empty : "s")} after the preflight, abandoned after {Seconds(settings.TickDeadline)} s; healthy while {successRate}); " +
                              $"history {settings.HistoryPath}; alerts {webhook?.Name ?? "printed only (no --alert-webhook)"}; " +
                              $"metrics {(export is null ? "not exported (no --metrics-listen, no OTEL_EXPORTER_OTLP_ENDPOINT)" : export.Describe())}, location '{metricsSettings.Location}'. Ctrl-C or SIGTERM stops it");

            var probe = new WatchProbe(platform, journeysPerTick, successRate, metrics, environment.Name);
            var loop = new WatchLoop(settings, probe.LookAsync, new WatchHistoryFile(settings.HistoryPath), (alert, cancel) => AlertAsync(alert, environment.Name, target, webhook, cancel), Console.Out,
                (tick, state) => metrics.Tick(environment.Name, metricsSettings.Location, tick.State == WatchTick.Healthy, state.FailingTicks(tick)));
            await loop.RunAsync(stop, signalled).ConfigureAwait(false);

            if (File.Exists(settings.HistoryPath))
            {
                var page = Path.ChangeExtension(settings.HistoryPath, ".html");
                await File.WriteAllTextAsync(page, SloHtmlReport.RenderHistory(SloHtmlReport.ReadHistory(settings.HistoryPath), environment.Name), CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine($"watch: availability over time: {page}");
            }

            var since = loop.State.FailingSince is { } first ? $" since tick {first.Tick} ({DurationText.Of(DateTimeOffset.UtcNow - first.Time)})" : string.Empty;
            var cut = loop.CutShort ? $" (tick {loop.Ticks + 1} cut short)" : string.Empty;
            Console.WriteLine($"watch: stopped after {loop.Ticks} tick{(loop.Ticks == 1 ? string.Empty : "s")}{cut}; final state {loop.State.Name}{since}");
            return ExitCodes.Passed;
        }, stop, workWithFailedPreflight: true).ConfigureAwait(false);
    }

    private static async Task AlertAsync(WatchAlert alert, string environment, string target, AlertWebhook? webhook, CancellationToken cancel)
    {
        Console.WriteLine(alert.Downtime is { } down
            ? $"watch: ALERT: '{environment}' recovered after {DurationText.Of(down)} down"
            : $"watch: ALERT: '{environment}' is failing: {alert.FirstFailing.Diagnosis}");
        if (webhook is not null && await webhook.PostAsync(SlackAlert.Body(alert, environment, target), cancel).ConfigureAwait(false))
        {
            Console.WriteLine($"watch: alert sent to {webhook.Name}");
        }
    }

    private static Threshold SuccessRate(GoldenPathEnvironment environment)
    {
        try
        {
            return SloThresholds.For(environment).Single(t => t.Key == Threshold.SuccessRateKey);
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException($"environment '{environment.Name}': {e.Message}");
        }
    }

    private static (bool Valid, Uri? Url) WebhookUrl(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (true, null)
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? (true, url)
        : (false, null);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

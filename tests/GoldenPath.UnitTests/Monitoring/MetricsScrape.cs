using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Preflight;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Runner.Metrics;

namespace GoldenPath.UnitTests.Monitoring;

/// <summary>One sample line of a Prometheus scrape: its series name, labels and value.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>
/// The runner's metrics as Prometheus reads them: a real scrape endpoint (MetricsExport) on a free loopback port, one of
/// every measurement recorded under an environment name of the caller's, and the text exposition read back.
/// </summary>
internal static partial class MetricsScrape
{
    /// <summary>A tick, a preflight (tcp passed, backend health failed, websocket not reached), a passed and an isolation-failed journey, the thresholds.</summary>
    public static async Task<IReadOnlyList<MetricSample>> EveryMeasurementAsync(string environment)
    {
        var listen = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        using var export = MetricsExport.Start("unit", listen)!;
        using var metrics = new GoldenPathMetrics();
        metrics.Thresholds(new GoldenPathEnvironment { Name = environment }, Threshold.Parse(Threshold.SuccessRateKey, ">= 0.99", "test"));
        metrics.Tick(environment, "eu-west", healthy: false, consecutiveFailing: 2);
        metrics.Preflight(environment, new PreflightReport(
        [
            new PreflightCheck("tcp", "127.0.0.1:1", CheckOutcome.Passed, "connected", TimeSpan.Zero),
            new PreflightCheck("backend health", "http://127.0.0.1:1/health", CheckOutcome.Failed, "503", TimeSpan.Zero),
            new PreflightCheck("websocket", "ws://127.0.0.1:1/ws", CheckOutcome.NotReached, "not reached", TimeSpan.Zero),
        ]));
        metrics.JourneysWalked(environment,
        [
            new JourneyOutcome(0, 0, 900, true, null, null, new JourneyTimings { LoginMs = 40, HandshakeMs = 30, AckMs = 5, FirstEventMs = 1900, CompletionMs = 2500, GapMs = 300 }),
            new JourneyOutcome(1, 0, 900, false, JourneyRules.Isolation, "a frame of another user", new JourneyTimings { LoginMs = 40 }),
        ]);
        return await ReadAsync(MetricsExport.ScrapeUrl(listen), environment);
    }

    /// <summary>The samples of <paramref name="url"/> labelled with <paramref name="environment"/>.</summary>
    public static async Task<IReadOnlyList<MetricSample>> ReadAsync(Uri url, string environment)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(url);
        return Parse(text).Where(s => s.Label("environment") == environment).ToArray();
    }

    public static IEnumerable<MetricSample> Parse(string exposition)
    {
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')))
        {
            var sample = Sample().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"not a sample line of the text exposition format: {line}");
            }

            var labels = LabelPair().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups["name"].Value, m => Regex.Unescape(m.Groups["value"].Value));
            yield return new MetricSample(sample.Groups["name"].Value, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\S+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Preflight;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.Runner.Metrics;

/// <summary>
/// The one instrument set of <c>watch</c>, <c>slo</c> and <c>scale</c> (meter <see cref="MeterName"/>), named as Prometheus
/// shows them: what deploy/monitoring's rules and dashboard query, and a unit test holds them to. Exported by
/// <see cref="MetricsExport"/> (a scrape endpoint, OTLP); without an exporter the measurements go nowhere, at no cost.
/// </summary>
internal sealed class GoldenPathMetrics : IDisposable
{
    public const string MeterName = "GoldenPath";

    public const string Up = "goldenpath_up";
    public const string FailingTicks = "goldenpath_failing_ticks";
    public const string Journeys = "goldenpath_journeys_total";
    public const string StepDuration = "goldenpath_step_duration_seconds";
    public const string PreflightCheck = "goldenpath_preflight_check";
    public const string IsolationLeaks = "goldenpath_isolation_leaks_total";
    public const string SuccessRatioThreshold = "goldenpath_success_ratio_threshold";
    public const string StepBudget = "goldenpath_step_budget_seconds";

    /// <summary>journeys_total's result label.</summary>
    public const string Passed = "passed";
    public const string Failed = "failed";

    /// <summary>journeys_total's failure label of a passed journey (Prometheus reads an empty label as no label).</summary>
    public const string NoFailure = "none";

    /// <summary>Every name a scrape shows (a histogram's as its _bucket, _sum and _count series).</summary>
    public static IReadOnlyList<string> Names { get; } = [Up, FailingTicks, Journeys, StepDuration, PreflightCheck, IsolationLeaks, SuccessRatioThreshold, StepBudget];

    /// <summary>
    /// Seconds, dense around PROTOCOL.md §5's budgets (first event 2 s, connect 5 s, gap 10 s, completion 30 s) so a p95
    /// near a budget is read from buckets either side of it, not interpolated across a wide one.
    /// </summary>
    public static IReadOnlyList<double> StepBuckets { get; } = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 45, 60];

    private readonly Meter meter = new(MeterName);
    private readonly Gauge<int> up;
    private readonly Gauge<int> failingTicks;
    private readonly Counter<long> journeys;
    private readonly Histogram<double> steps;
    private readonly Counter<long> leaks;
    private readonly Gauge<double> successRatioThreshold;
    private readonly Gauge<double> stepBudget;

    // The last preflight's reached layers: a layer the preflight did not reach has no value rather than a stale one.
    private readonly ConcurrentDictionary<(string Environment, string Check), int> preflight = new();

    public GoldenPathMetrics()
    {
        up = meter.CreateGauge<int>(Up, description: "1 when the watch's last tick was healthy, 0 when it failed");
        failingTicks = meter.CreateGauge<int>(FailingTicks, description: "consecutive failing ticks of the watch, 0 when healthy");
        journeys = meter.CreateCounter<long>(Journeys, description: "golden-path journeys walked, by result and failure (the rule or step it broke)");
        steps = meter.CreateHistogram(StepDuration, unit: "s", description: "a journey step's latency (PROTOCOL.md §5)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });
        leaks = meter.CreateCounter<long>(IsolationLeaks, description: "frames or records of one user that reached another");
        successRatioThreshold = meter.CreateGauge<double>(SuccessRatioThreshold, description: "the environment's successRate threshold (a share)");
        stepBudget = meter.CreateGauge<double>(StepBudget, unit: "s", description: "the environment's time budget of a step (PROTOCOL.md §5)");
        meter.CreateObservableGauge(PreflightCheck, ObservePreflight, description: "1 when the preflight's layer passed, 0 when it failed; absent when not reached");
    }

    /// <summary>The environment's thresholds, for the rules to compare with (each environment may loosen them).</summary>
    public void Thresholds(GoldenPathEnvironment environment, Threshold successRate)
    {
        var name = Tag("environment", environment.Name);
        successRatioThreshold.Record(successRate.Limit, name);
        foreach (var (step, budget) in new[]
                 {
                     (SloSteps.Handshake, environment.Budgets.Connect), (SloSteps.FirstEvent, environment.Budgets.FirstEvent),
                     (SloSteps.Completion, environment.Budgets.Completion), (SloSteps.Gap, environment.Budgets.MaxGap),
                 })
        {
            stepBudget.Record(budget.TotalSeconds, name, Tag("step", step));
        }
    }

    /// <summary>One tick of the watch: healthy or not, and how many ticks in a row have failed.</summary>
    public void Tick(string environment, string location, bool healthy, int consecutiveFailing)
    {
        up.Record(healthy ? 1 : 0, Tag("environment", environment), Tag("location", location));
        failingTicks.Record(consecutiveFailing, Tag("environment", environment), Tag("location", location));
    }

    /// <summary>The preflight's layers: the ones it reached replace the last ones.</summary>
    public void Preflight(string environment, PreflightReport report)
    {
        foreach (var key in preflight.Keys.Where(k => k.Environment == environment))
        {
            preflight.TryRemove(key, out _);
        }

        foreach (var check in report.Checks.Where(c => c.Outcome != CheckOutcome.NotReached))
        {
            preflight[(environment, check.Check)] = check.Outcome == CheckOutcome.Passed ? 1 : 0;
        }
    }

    /// <summary>Journeys of watch or slo: each counted by result and failure class, its steps' latencies, an isolation failure as a leak.</summary>
    public void JourneysWalked(string environment, IEnumerable<JourneyOutcome> outcomes)
    {
        var leaked = 0;
        foreach (var outcome in outcomes)
        {
            Journey(environment, outcome.Success ? null : outcome.FailureClass ?? "unknown");
            foreach (var step in SloSteps.All)
            {
                Step(environment, step, outcome.Timings[step]);
            }

            leaked += outcome.FailureClass == JourneyRules.Isolation ? 1 : 0;
        }

        leaks.Add(leaked, Tag("environment", environment)); // 0 too: the series exists from the first journey, so "no leak" is a value, not no data
    }

    /// <summary>A scale run: its ended runs passed, its failures by class, its handshakes and run latencies, its leaks.</summary>
    public void ScaleMeasured(string environment, ScaleResult result)
    {
        journeys.Add(result.Runs.Count, Tag("environment", environment), Tag("result", Passed), Tag("failure", NoFailure));
        foreach (var failure in result.Failures)
        {
            Journey(environment, failure.Class);
        }

        foreach (var handshake in result.HandshakeMs)
        {
            Step(environment, SloSteps.Handshake, handshake);
        }

        foreach (var run in result.Runs)
        {
            Step(environment, SloSteps.Ack, run.AckMs);
            Step(environment, SloSteps.FirstEvent, run.FirstEventMs);
            Step(environment, SloSteps.Completion, run.CompletionMs);
        }

        leaks.Add(result.Leaks.Count, Tag("environment", environment));
    }

    public void Dispose() => meter.Dispose();

    private void Journey(string environment, string? failure) =>
        journeys.Add(1, Tag("environment", environment), Tag("result", failure is null ? Passed : Failed), Tag("failure", failure ?? NoFailure));

    private void Step(string environment, string step, double? milliseconds)
    {
        if (milliseconds is { } ms)
        {
            steps.Record(ms / 1000, Tag("environment", environment), Tag("step", step));
        }
    }

    private IEnumerable<Measurement<int>> ObservePreflight() =>
        preflight.Select(p => new Measurement<int>(p.Value, Tag("environment", p.Key.Environment), Tag("check", p.Key.Check)));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}

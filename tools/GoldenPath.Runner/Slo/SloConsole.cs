using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;
using Spectre.Console;

namespace GoldenPath.Runner.Slo;

/// <summary>The end of an SLO run on the console: the steps' percentiles, the thresholds' verdicts, the failure classes, the closing line.</summary>
internal static class SloConsole
{
    public static void Print(SloReport report)
    {
        var steps = new Table().Border(TableBorder.Simple).AddColumns("step (ms)", "count", "p50", "p90", "p95", "p99", "max");
        foreach (var (step, s) in report.Steps.Where(s => s.Value is not null))
        {
            steps.AddRow(step, $"{s!.Count}", $"{s.P50:0}", $"{s.P90:0}", $"{s.P95:0}", $"{s.P99:0}", $"{s.Max:0}");
        }

        AnsiConsole.Write(steps);
        foreach (var threshold in report.Thresholds)
        {
            Console.WriteLine($"  {(threshold.Passed ? "ok    " : "FAILED")} {threshold.Key} {threshold.Expression}: {threshold.Verdict} ({threshold.Source})");
        }

        foreach (var failure in report.Failures)
        {
            Console.WriteLine($"  failure class {failure.Class}: {failure.Count} journeys; first, #{failure.FirstJourney}: {failure.Diagnosis}");
        }

        Console.WriteLine($"slo: {(report.Passed ? "PASSED" : "FAILED")}: {report.Succeeded} of {report.Journeys} journeys passed ({report.SuccessRate:P1}) in {report.DurationSeconds:0.0} s, " +
                          $"{report.JourneysPerSecond:0.00} journeys/s at concurrency {report.Concurrency}, client CPU {report.ClientCpuMsPerJourney:0} ms per journey; " +
                          $"{report.Thresholds.Count(t => !t.Passed)} of {report.Thresholds.Count} thresholds failed");
    }
}

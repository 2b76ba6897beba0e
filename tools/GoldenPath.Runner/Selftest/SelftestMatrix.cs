using System.Text;
using GoldenPath.Fixtures.Requirements;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;

namespace GoldenPath.Runner.Selftest;

/// <summary>What one selection run gave: how many specs ran, those that failed, the rule or §7 id each failure names first, the time.</summary>
internal sealed record SelftestOutcome(int Ran, IReadOnlyList<TrxTest> Failed, IReadOnlyList<string> FirstNamed, TimeSpan Elapsed);

/// <summary>One fault's row: its run, or why it did not run (a dialect that cannot express it, a selection of no spec).</summary>
internal sealed record SelftestRow(FaultCase Fault, SelftestOutcome? Outcome, string? NotRunBecause)
{
    /// <summary>Red, and some failing spec names the expected rule or one of the fault's requirement ids first. A row not run holds nothing.</summary>
    public bool Holds(Fixtures.Dialects.Dialect dialect) =>
        Outcome is { Failed.Count: > 0 } run && run.FirstNamed.Any(named => Fault.CaughtBy(named, dialect));

    /// <summary>A row that could not run under the dialect: listed, neither held nor failed.</summary>
    public bool NotApplicable => Outcome is null && NotRunBecause?.StartsWith("not run:", StringComparison.Ordinal) == true;
}

/// <summary>The selftest's matrix as markdown, requirement × fault: rows grouped by PROTOCOL.md §7 id (a fault breaking two ids is under each), and a summary line.</summary>
internal static class SelftestMatrix
{
    private const string Header = "| requirement | fault | breaks | specs | result | named first | expected | time | holds |";

    public static string Line(SelftestRow row, Fixtures.Dialects.Dialect dialect) => Line(string.Join(", ", row.Fault.Requirements.Select(r => $"`{r}`")), row, dialect);

    public static (string Text, string Summary) Markdown(
        IReadOnlyList<ProtocolRequirement> requirements, IReadOnlyList<SelftestRow> rows, SelftestOutcome baseline, bool baselineOk, Fixtures.Dialects.Dialect dialect, TimeSpan elapsed)
    {
        var ran = rows.Where(r => !r.NotApplicable).ToArray();
        var held = ran.Count(r => r.Holds(dialect));
        var covered = requirements.Where(q => rows.Any(r => r.Fault.Requirements.Contains(q.Id) && r.Holds(dialect))).Select(q => q.Id).ToArray();
        var summary = $"{covered.Length} of {requirements.Count} §7 ids caught; {held} of {ran.Length} fault rows hold, the healthy run {(baselineOk ? "green" : "NOT green")}" +
                      $"{(rows.Count > ran.Length ? $", {rows.Count - ran.Length} not run in dialect {dialect.Name}" : string.Empty)}; {elapsed.TotalMinutes:0.0} min";
        var text = new StringBuilder()
            .AppendLine($"selftest: {summary}")
            .AppendLine()
            .AppendLine(Header)
            .AppendLine("|---|---|---|---|---|---|---|---|---|")
            .AppendLine($"| (all) | (none) | healthy | every row's specs ({baseline.Ran}) | {(baseline.Failed.Count > 0 ? $"red ({baseline.Failed.Count}/{baseline.Ran})" : baseline.Ran > 0 ? "green" : "ran nothing")} | {Named(baseline.FirstNamed)} | green | {baseline.Elapsed.TotalSeconds:0} s | {(baselineOk ? "yes" : "**NO**")} |");
        foreach (var requirement in requirements)
        {
            var under = rows.Where(r => r.Fault.Requirements.Contains(requirement.Id)).ToArray();
            if (under.Length == 0)
            {
                var reason = FaultCatalog.NotBreakable.TryGetValue(requirement.Id, out var why) ? $"cannot be broken on the reference stack: {why}" : "no fault in this run";
                text.AppendLine($"| `{requirement.Id}` | - | {reason} | - | - | - | - | - | - |");
                continue;
            }

            foreach (var row in under)
            {
                text.AppendLine(Line($"`{requirement.Id}`", row, dialect));
            }
        }

        var uncovered = requirements.Select(q => q.Id).Except(covered).ToArray();
        if (uncovered.Length > 0)
        {
            text.AppendLine().AppendLine($"§7 ids with no row that held here: {string.Join(", ", uncovered)}");
        }

        return (text.ToString(), summary);
    }

    private static string Line(string requirement, SelftestRow row, Fixtures.Dialects.Dialect dialect)
    {
        var fault = row.Fault;
        var specs = string.Join(", ", fault.Specs);
        if (row.Outcome is not { } run)
        {
            return $"| {requirement} | `{fault.Fault}` | {fault.Breaks} | {specs} | {row.NotRunBecause} | - | {fault.ExpectedIn(dialect)} | - | {(row.NotApplicable ? "n/a" : "**NO**")} |";
        }

        var result = run.Failed.Count > 0 ? $"red ({run.Failed.Count}/{run.Ran})" : run.Ran > 0 ? $"green ({run.Ran})" : "ran nothing";
        return $"| {requirement} | `{fault.Fault}` | {fault.Breaks} | {specs} | {result} | {Named(run.FirstNamed)} | {fault.ExpectedIn(dialect)} | {run.Elapsed.TotalSeconds:0} s | {(row.Holds(dialect) ? "yes" : "**NO**")} |";
    }

    private static string Named(IReadOnlyList<string> named) => named.Count == 0 ? "-" : string.Join(", ", named);
}

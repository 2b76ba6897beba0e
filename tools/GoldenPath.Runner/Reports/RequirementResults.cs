using System.Text;
using GoldenPath.Fixtures.Requirements;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;

namespace GoldenPath.Runner.Reports;

/// <summary>
/// The summary's "Requirements" table: per §7 id, how many of its specs' test cases this run ran, and the verdict; the ids none
/// of whose specs ran are listed on one line below it.
/// </summary>
internal static class RequirementResults
{
    public const string NotRun = "Not run in this selection";

    /// <summary>Null when no spec that names a requirement ran (a unit-only run has nothing to say per requirement).</summary>
    /// <param name="dialect">The run's dialect: what it cannot check is said in the row of the requirement it belongs to (PROTOCOL.md §6).</param>
    public static string? Markdown(IReadOnlyList<ProtocolRequirement> requirements, IReadOnlyList<TracedSpec> specs, IReadOnlyList<TrxTest> tests, Fixtures.Dialects.Dialect? dialect = null)
    {
        var gaps = (dialect is null ? [] : Fixtures.Dialects.DialectCoverage.Of(dialect)).ToLookup(n => n.Requirement, n => n.Rule == n.Requirement ? n.Why : $"{n.Rule}: {n.Why}");
        var byName = specs.GroupBy(s => s.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ran = tests.Select(t => (Test: t, Spec: byName.GetValueOrDefault(Method(t.Name)))).Where(x => x.Spec is { Requirements.Count: > 0 }).ToArray();
        if (ran.Length == 0)
        {
            return null;
        }

        var text = new StringBuilder().AppendLine("### Requirements (PROTOCOL.md §7)").AppendLine()
            .AppendLine("| id | specs run | result |").AppendLine("|---|---:|---|");
        var notRun = new List<string>();
        foreach (var requirement in requirements)
        {
            var mine = ran.Where(x => x.Spec!.Requirements.Contains(requirement.Id)).Select(x => x.Test).Where(t => !t.Skipped).ToArray();
            var failed = mine.Count(t => t.Failed);
            if (mine.Length == 0)
            {
                notRun.Add($"`{requirement.Id}`");
                continue;
            }

            var notCheckable = gaps[requirement.Id].ToArray();
            var verdict = failed > 0 ? $"**failed** ({failed} of {mine.Length})" : "passed";
            text.AppendLine($"| `{requirement.Id}` | {mine.Length} | {verdict}{(notCheckable.Length == 0 ? string.Empty : $"; not checkable in dialect {dialect!.Name}: {string.Join("; ", notCheckable)}")} |");
        }

        if (notRun.Count > 0)
        {
            text.AppendLine().AppendLine($"{NotRun}: {string.Join(", ", notRun)}");
        }

        return text.AppendLine().ToString();
    }

    // A TRX test name is the method's full name, with a theory row's arguments in parentheses.
    private static string Method(string testName) => testName.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? testName[..open] : testName;
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GoldenPath.Runner.Coverage;

/// <summary>One assembly's merged coverage: lines and branches covered of those that could be.</summary>
internal sealed record AssemblyCoverage(string Name, int CoveredLines, int CoverableLines, int CoveredBranches, int TotalBranches)
{
    public double? LinePercent => Percent(CoveredLines, CoverableLines);

    public double? BranchPercent => Percent(CoveredBranches, TotalBranches);

    private static double? Percent(int covered, int of) => of == 0 ? null : Math.Round(100.0 * covered / of, 1);
}

/// <summary>
/// The figures of a merged coverage report, read from ReportGenerator's JsonSummary (coverage/Summary.json), and the table
/// the run's summary.md (and so the job summary) shows them in: line and branch coverage per assembly, then all of them.
/// </summary>
internal sealed record CoverageFigures(IReadOnlyList<AssemblyCoverage> Assemblies, AssemblyCoverage Total)
{
    /// <summary>Reads Summary.json's text; a file that is not one is an error that says what was missing.</summary>
    public static CoverageFigures Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var summary = document.RootElement.GetProperty("summary");
            var assemblies = document.RootElement.GetProperty("coverage").GetProperty("assemblies").EnumerateArray()
                .Select(a => Figures(a.GetProperty("name").GetString() ?? "?", a))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .ToArray();
            return new CoverageFigures(assemblies, Figures("all", summary));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a ReportGenerator JsonSummary (summary.coveredlines, coverage.assemblies[].name …): {e.Message}", e);
        }
    }

    /// <summary>"62.3% of lines, 48.1% of branches".</summary>
    public string Headline => $"{Percent(Total.LinePercent)} of lines, {Percent(Total.BranchPercent)} of branches";

    /// <summary>The console's line: the headline, then each assembly's line coverage.</summary>
    public string Line => $"{Headline} ({string.Join(", ", Assemblies.Select(a => $"{a.Name} {Percent(a.LinePercent)}"))})";

    /// <summary>The summary.md section: a row per assembly and a total row, then where the report is.</summary>
    /// <param name="sources">How many raw Cobertura files were merged.</param>
    public string Markdown(int sources)
    {
        var text = new StringBuilder()
            .AppendLine($"### Coverage: {Headline}")
            .AppendLine()
            .AppendLine("| assembly | lines | branches |")
            .AppendLine("|---|---:|---:|");
        foreach (var assembly in Assemblies)
        {
            text.AppendLine($"| {assembly.Name} | {Cell(assembly.LinePercent, assembly.CoveredLines, assembly.CoverableLines)} | {Cell(assembly.BranchPercent, assembly.CoveredBranches, assembly.TotalBranches)} |");
        }

        return text
            .AppendLine($"| **all** | **{Cell(Total.LinePercent, Total.CoveredLines, Total.CoverableLines)}** | **{Cell(Total.BranchPercent, Total.CoveredBranches, Total.TotalBranches)}** |")
            .AppendLine()
            .AppendLine($"Merged from {sources} Cobertura file{(sources == 1 ? string.Empty : "s")} (`coverage/raw/`) by ReportGenerator: `coverage/index.html` by class and line, `coverage/SummaryGithub.md` by class.")
            .AppendLine()
            .ToString();
    }

    private static AssemblyCoverage Figures(string name, JsonElement element) =>
        new(name, Count(element, "coveredlines"), Count(element, "coverablelines"), Count(element, "coveredbranches"), Count(element, "totalbranches"));

    // ReportGenerator leaves branch counts out where a format has none: no branches, not an error.
    private static int Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32()
        : name.Contains("branches", StringComparison.Ordinal) ? 0
        : throw new KeyNotFoundException($"'{name}' is missing");

    private static string Cell(double? percent, int covered, int of) =>
        percent is null ? "–" : $"{Percent(percent)} ({covered.ToString("N0", CultureInfo.InvariantCulture)} of {of.ToString("N0", CultureInfo.InvariantCulture)})";

    private static string Percent(double? percent) => percent is null ? "–" : percent.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

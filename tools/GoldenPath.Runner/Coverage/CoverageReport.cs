using GoldenPath.Fixtures;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Coverage;

/// <summary>
/// Merges the run's raw Cobertura files (coverage/raw, <see cref="CoverageAttachments"/>) into RESULTS/coverage with
/// ReportGenerator, the local dotnet tool in .config/dotnet-tools.json (restored here, so a clean clone needs nothing
/// else): index.html by class and line, SummaryGithub.md, Summary.json (the figures summary.md shows), Cobertura.xml.
/// </summary>
internal static class CoverageReport
{
    public const string ReportTypes = "Html;MarkdownSummaryGithub;JsonSummary;Cobertura";

    public static string Folder(string results) => Path.Combine(results, "coverage");

    /// <param name="uncovered">The test projects that ran and left no coverage file ("GoldenPath.E2ETests").</param>
    public static async Task<CoverageOutcome> MergeAsync(string results, IReadOnlyList<string> uncovered, ProgressDisplay display, CancellationToken interrupted)
    {
        var raw = CoverageAttachments.RawDirectory(results);
        var sources = Directory.Exists(raw) ? Directory.GetFiles(raw, "*.cobertura.xml").Length : 0;
        var missing = uncovered.Count == 0 ? null
            : $"{string.Join(", ", uncovered)} ran and wrote no coverage file: coverlet (coverlet.MTP, --coverlet) wrote none to the results folder; see that run's output above";
        if (sources == 0)
        {
            return new CoverageOutcome(null, missing ?? "no coverage file was written by any test project (coverlet.MTP)", 0);
        }

        display.Phase($"coverage: merging {sources} Cobertura file{(sources == 1 ? string.Empty : "s")} (ReportGenerator)");
        if (await ChildRun.RunAsync("dotnet", ["tool", "restore"], display, interrupted, quiet: true).ConfigureAwait(false) is var restore and not 0)
        {
            return new CoverageOutcome(null, NotMerged($"`dotnet tool restore` failed (exit {restore}; its output is above)", results), sources);
        }

        var target = Folder(results);
        if (await ChildRun.RunAsync("dotnet", MergeCommand(raw, target)[1..], display, interrupted, quiet: true).ConfigureAwait(false) is var merge and not 0)
        {
            return new CoverageOutcome(null, NotMerged($"ReportGenerator exited {merge} (its output is above)", results), sources);
        }

        var json = Path.Combine(target, "Summary.json");
        try
        {
            return new CoverageOutcome(CoverageFigures.Read(await File.ReadAllTextAsync(json, interrupted).ConfigureAwait(false)), missing, sources);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return new CoverageOutcome(null, $"ReportGenerator ran, and its {json} cannot be read: {e.Message}", sources);
        }
    }

    /// <summary>The command that merges <paramref name="raw"/> into <paramref name="target"/>, run from the repository's root (where the tool manifest is).</summary>
    public static string[] MergeCommand(string raw, string target) =>
        ["dotnet", "tool", "run", "reportgenerator", $"-reports:{Path.Combine(raw, "*.cobertura.xml")}", $"-targetdir:{target}", $"-reporttypes:{ReportTypes}", "-verbosity:Warning", "-title:GoldenPath"];

    /// <summary>Why the raw files were not merged, and how to get the report: restore the tool, then merge them by hand or run again.</summary>
    public static string NotMerged(string why, string results)
    {
        var command = string.Join(' ', MergeCommand(CoverageAttachments.RawDirectory(results), Folder(results)).Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains('*', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        return $"the coverage files were not merged: {why}. ReportGenerator is a local dotnet tool (dotnet-reportgenerator-globaltool, .config/dotnet-tools.json): " +
               $"run `dotnet tool restore` in {RepositoryLayout.Root} (it fetches the tool from NuGet), then `{command}` there, or run again. The raw Cobertura files are kept in {CoverageAttachments.RawDirectory(results)}";
    }
}

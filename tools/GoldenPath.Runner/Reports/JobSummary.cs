using System.Text;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Reports;

/// <summary>
/// The run as GitHub job-summary markdown: the closing line, a table per layer (by test class), and each failure with
/// the first line of its diagnosis; the coverage table (Coverage.CoverageFigures), the requirements table (<see cref="RequirementResults"/>), the repeat report and the stack report follow. Written to RESULTS/summary.md, and
/// appended to $GITHUB_STEP_SUMMARY when it is set.
/// </summary>
internal static class JobSummary
{
    private const int MaxFailuresListed = 50;

    public static string Markdown(string title, string context, IReadOnlyList<IReadOnlyList<ProjectResult>> runs, RepeatReport? repeat, string? stackReport, string? requirements = null, string? coverage = null)
    {
        var projects = runs.SelectMany(run => run).ToArray();
        var tests = projects.SelectMany(p => p.Tests).ToArray();
        var text = new StringBuilder()
            .AppendLine($"## GoldenPath: {title}")
            .AppendLine()
            .AppendLine(context)
            .AppendLine();

        foreach (var layer in projects.GroupBy(p => p.Layer))
        {
            var layerTests = layer.SelectMany(p => p.Tests).ToArray();
            var prefix = $"GoldenPath.{layer.First().Project}.";
            text.AppendLine($"### {layer.Key}: {layerTests.Count(t => t.Passed)} passed, {layerTests.Count(t => t.Failed)} failed, {layerTests.Count(t => t.Skipped)} skipped ({DurationText.Of(TimeSpan.FromSeconds(layer.Sum(p => p.Elapsed.TotalSeconds)))})")
                .AppendLine();
            if (layer.FirstOrDefault(p => p.ExitCode != 0 && p.Failed == 0) is { } broken)
            {
                text.AppendLine($"The test run exited {broken.ExitCode} without a failed test to explain it: see the log.").AppendLine();
            }

            if (layerTests.Length == 0)
            {
                continue;
            }

            text.AppendLine("| class | passed | failed | skipped | time |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var type in layerTests.GroupBy(t => t.ClassName).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"| {Cell(type.Key.StartsWith(prefix, StringComparison.Ordinal) ? type.Key[prefix.Length..] : type.Key)} | {type.Count(t => t.Passed)} | {type.Count(t => t.Failed)} | {type.Count(t => t.Skipped)} | {DurationText.Of(TimeSpan.FromSeconds(type.Sum(t => t.Duration.TotalSeconds)))} |");
            }

            text.AppendLine();
        }

        if (coverage is not null)
        {
            text.Append(coverage);
        }

        if (requirements is not null)
        {
            text.Append(requirements);
        }

        var failures = tests.Where(t => t.Failed).GroupBy(t => t.Name).ToArray();
        if (failures.Length > 0)
        {
            text.AppendLine("### Failures").AppendLine();
            foreach (var failure in failures.Take(MaxFailuresListed))
            {
                var times = failure.Count() > 1 ? $" ({failure.Count()} times)" : string.Empty;
                text.AppendLine($"- `{failure.Key}`{times}: {Cell(failure.First().FirstLine)}");
            }

            if (failures.Length > MaxFailuresListed)
            {
                text.AppendLine($"- … and {failures.Length - MaxFailuresListed} more (see the TRX and JUnit files)");
            }

            text.AppendLine();
        }

        if (repeat is not null)
        {
            text.AppendLine(repeat.Markdown());
        }

        if (stackReport is { Length: > 0 })
        {
            text.AppendLine("<details><summary>Stack report</summary>").AppendLine().AppendLine("```").AppendLine(stackReport.TrimEnd()).AppendLine("```").AppendLine().AppendLine("</details>");
        }

        return text.ToString();
    }

    /// <summary>Writes the summary beside the results and appends it to the GitHub job summary when there is one.</summary>
    public static string Write(string results, string markdown)
    {
        var file = Path.Combine(results, "summary.md");
        File.WriteAllText(file, markdown);
        AppendToGitHub(markdown);
        return file;
    }

    public static void AppendToGitHub(string markdown)
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } github)
        {
            File.AppendAllText(github, markdown + System.Environment.NewLine);
        }
    }


    // A table cell or list item: one line, no pipes, no backticks to break the markdown.
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
}

using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.Runner.Slo;

/// <summary>Writes an SLO run's files into the results folder: slo.json, slo.html, slo.md and slo.junit.xml.</summary>
internal static class SloOutputs
{
    public static IReadOnlyList<string> Write(string results, SloReport report)
    {
        Directory.CreateDirectory(results);
        var json = Path.Combine(results, "slo.json");
        var html = Path.Combine(results, "slo.html");
        var markdown = Path.Combine(results, "slo.md");
        var junit = Path.Combine(results, "slo.junit.xml");
        File.WriteAllText(json, report.ToJson());
        File.WriteAllText(html, SloHtmlReport.Render(report));
        File.WriteAllText(markdown, SloMarkdown.Render(report));
        SloJunit.Render(report).Save(junit);
        return [json, html, markdown, junit];
    }
}

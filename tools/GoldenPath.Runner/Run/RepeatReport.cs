using System.Text;

namespace GoldenPath.Runner.Run;

/// <summary>One test over the repeated runs of a selection: how often it passed and failed. Flaky: both.</summary>
internal sealed record RepeatedTest(string Project, string Name, int Passed, int Failed)
{
    public bool Flaky => Passed > 0 && Failed > 0;

    public string Verdict => Flaky ? "flaky" : Failed > 0 ? "failed every run" : "passed every run";
}

/// <summary>Per test, the passes and failures of <c>--repeat N</c> runs, and the tests that both passed and failed.</summary>
internal sealed record RepeatReport(int Runs, IReadOnlyList<RepeatedTest> Tests)
{
    public IReadOnlyList<RepeatedTest> FailedAtLeastOnce => Tests.Where(t => t.Failed > 0).OrderByDescending(t => t.Flaky).ThenByDescending(t => t.Failed).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<RepeatedTest> Flaky => Tests.Where(t => t.Flaky).ToArray();

    public static RepeatReport From(IReadOnlyList<IReadOnlyList<ProjectResult>> runs) => new(
        runs.Count,
        runs.SelectMany(run => run).SelectMany(project => project.Tests.Select(test => (project.Project, test)))
            .GroupBy(x => (x.Project, x.test.Name))
            .Select(g => new RepeatedTest(g.Key.Project, g.Key.Name, g.Count(x => x.test.Passed), g.Count(x => x.test.Failed)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray());

    public string Headline =>
        $"{Tests.Count} tests over {Runs} runs: {FailedAtLeastOnce.Count} failed at least once, {Flaky.Count} flaky (passed and failed)";

    public string Markdown()
    {
        var text = new StringBuilder().AppendLine($"### Repeat: {Headline}").AppendLine();
        if (FailedAtLeastOnce.Count == 0)
        {
            return text.AppendLine($"Every test passed in all {Runs} runs.").ToString();
        }

        text.AppendLine("| test | passed | failed | verdict |").AppendLine("|---|---|---|---|");
        foreach (var test in FailedAtLeastOnce)
        {
            text.AppendLine($"| `{test.Name}` | {test.Passed} | {test.Failed} | {(test.Flaky ? "**flaky**" : test.Verdict)} |");
        }

        return text.ToString();
    }
}

using GoldenPath.Fixtures;

namespace GoldenPath.Runner.Run;

/// <summary>
/// Which test projects a filtered run has to start: a project none of whose tests the filter can select is left out (a
/// test host that discovers nothing costs seconds). Anything uncertain (an unreadable assembly, a filter or property this
/// catalog does not read) keeps the project in. Also says whether browser specs are selected, so their browser can start early.
/// </summary>
internal sealed record TestSelection(IReadOnlyList<string> Projects, IReadOnlyList<string> LeftOut, bool SelectsBrowserSpecs)
{
    public static TestSelection For(RunPlan plan, string configuration)
    {
        if (plan.Filter is not { } text || TestFilter.Parse(text) is not { } filter)
        {
            return new TestSelection(plan.Projects, [], plan.RunsBrowser);
        }

        var run = new List<string>();
        var leftOut = new List<string>();
        var browser = false;
        foreach (var project in plan.Projects)
        {
            var name = $"GoldenPath.{project}";
            var tests = TestCatalog.Read(RepositoryLayout.TestAssembly(name, configuration));
            var matches = tests?.Select(t => (Test: t, Match: filter.Matches(t))).Where(x => x.Match != false).ToArray();
            if (matches is { Length: 0 })
            {
                leftOut.Add(project);
                continue;
            }

            run.Add(project);
            browser |= project == "E2ETests" && (matches is null || matches.Any(x => x.Test.TryGetValue("Category", out var categories) && categories.Contains("Browser")));
        }

        return new TestSelection(run, leftOut, browser && plan.RunsBrowser);
    }
}

using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Coverage;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Run;

/// <summary>
/// The default command: install what is missing, build once, run every layer (or one) once or --repeat N times, then
/// report. Exit 0 only when tests ran and none failed: a filter that matches nothing is an error.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        var plan = await RunPlan.ForThisMachineAsync(settings.Layer, settings.Filter, environment).ConfigureAwait(false);
        foreach (var note in plan.Notes)
        {
            Say.Line(note);
        }

        await PlatformPipeline.InstallAsync(settings, environment, plan, interrupted).ConfigureAwait(false);
        using var results = ResultsFolder.Claim(settings, "run", fresh: true);
        settings = settings with { Results = results.Path };

        var display = ProgressDisplay.ForThisConsole();
        var (runs, coverage) = await display.RunAsync(async () =>
        {
            var runs = await BuildAndRunAsync(settings, plan, environment, display, interrupted).ConfigureAwait(false);
            return (runs, runs is null || !settings.Coverage || interrupted.IsCancellationRequested ? null : await MergeCoverageAsync(settings, runs, display, interrupted).ConfigureAwait(false));
        }).ConfigureAwait(false);
        if (interrupted.IsCancellationRequested)
        {
            Say.Line("interrupted: the test run was stopped (the stack tears itself down)");
            return ExitCodes.Interrupted;
        }

        return runs is null ? ExitCodes.Failed : Report(settings, environment, plan, runs, coverage);
    }

    // Every project's coverage file, from every run of a --repeat, merged into one report.
    private static Task<CoverageOutcome> MergeCoverageAsync(RunSettings settings, IReadOnlyList<IReadOnlyList<ProjectResult>> runs, ProgressDisplay display, CancellationToken interrupted) =>
        CoverageReport.MergeAsync(settings.Results, runs.SelectMany(r => r).Where(p => p.CoverageFiles is { Count: 0 }).Select(p => $"GoldenPath.{p.Project}").Distinct().ToArray(), display, interrupted);

    private static async Task<IReadOnlyList<IReadOnlyList<ProjectResult>>?> BuildAndRunAsync(
        RunSettings settings, RunPlan plan, GoldenPathEnvironment environment, ProgressDisplay display, CancellationToken interrupted)
    {
        // The platform, its preflight and its teardown are each test host's (PlatformFixture), on the stack this pipeline built.
        if (!await PlatformPipeline.BuildAsync(settings, environment, plan, BuildScope.Solution, display, interrupted).ConfigureAwait(false))
        {
            return null;
        }

        var selection = TestSelection.For(plan, settings.Configuration);
        foreach (var project in selection.LeftOut)
        {
            Say.Line($"GoldenPath.{project}: no test in it matches the filter; not started");
        }

        var runs = new List<IReadOnlyList<ProjectResult>>();
        for (var run = 1; run <= settings.Repeat && !interrupted.IsCancellationRequested; run++)
        {
            var folder = settings.Repeat == 1 ? settings.Results : Path.Combine(settings.Results, $"run-{run:00}");
            Directory.CreateDirectory(folder);
            if (settings.Repeat > 1)
            {
                Say.Line($"run {run} of {settings.Repeat}");
            }

            var projects = new List<ProjectResult>();
            foreach (var project in selection.Projects)
            {
                projects.Add(await TestProjectRun.RunAsync(project, settings, plan.Filter, folder, display, interrupted, selection.SelectsBrowserSpecs).ConfigureAwait(false));
            }

            runs.Add(projects);
        }

        return runs;
    }

    private static int Report(RunSettings settings, GoldenPathEnvironment environment, RunPlan plan, IReadOnlyList<IReadOnlyList<ProjectResult>> runs, CoverageOutcome? coverage)
    {
        var projects = runs.SelectMany(r => r).ToArray();
        var tests = projects.SelectMany(p => p.Tests).ToArray();
        var (passed, failed, skipped) = (tests.Count(t => t.Passed), tests.Count(t => t.Failed), tests.Count(t => t.Skipped));
        var stackReport = settings.Repeat == 1 && File.Exists(Path.Combine(settings.Results, "run-report.txt")) ? File.ReadAllText(Path.Combine(settings.Results, "run-report.txt")) : null;
        if (stackReport is not null)
        {
            Console.WriteLine();
            Say.Line("stack report:");
            Console.Write(string.Concat(stackReport.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + System.Environment.NewLine)));
        }

        var repeat = settings.Repeat > 1 ? RepeatReport.From(runs) : null;
        if (repeat is not null)
        {
            Console.WriteLine();
            Say.Line("repeat: " + repeat.Headline);
            foreach (var test in repeat.FailedAtLeastOnce)
            {
                Console.WriteLine($"  {test.Verdict,-16} passed {test.Passed,3}, failed {test.Failed,3}  {test.Name}");
            }

            File.WriteAllText(Path.Combine(settings.Results, "repeat.md"), repeat.Markdown());
        }

        var closing = $"{passed} passed, {failed} failed, {skipped} skipped";
        var context = $"environment `{environment.Name}` · stack {environment.Stack.Provider}" +
                      (plan.Filter is null ? string.Empty : $" · filter `{plan.Filter}`") +
                      (settings.Repeat > 1 ? $" · {settings.Repeat} runs" : string.Empty);
        var summary = JobSummary.Write(settings.Results, JobSummary.Markdown(closing, context, runs, repeat, stackReport, Requirements(settings, environment, tests), coverage?.Markdown()));
        Console.WriteLine();
        if (coverage?.Figures is { } figures)
        {
            Say.Line($"coverage: {figures.Line}; report: {Path.Combine(CoverageReport.Folder(settings.Results), "index.html")}");
        }

        if (coverage?.Error is { } coverageError)
        {
            Say.Line("coverage: " + coverageError);
        }

        Say.Line($"results in {settings.Results} (job summary: {Path.GetFileName(summary)})");

        if (tests.Length == 0 && projects.All(p => p.ExitCode == 0))
        {
            Say.Line($"no test ran{(plan.Filter is null ? string.Empty : $": the filter '{plan.Filter}' matched no test")}{(settings.Layer is null ? string.Empty : $" in layer '{settings.Layer}'")}. A run that executes nothing proves nothing: check the filter (e.g. Category=GoldenPath, Category=Integration).");
            Console.WriteLine("0 passed, 0 failed");
            return ExitCodes.Failed;
        }

        Console.WriteLine(closing);
        var broken = projects.Where(p => p.Broken).Select(p => $"GoldenPath.{p.Project} (exit {p.ExitCode})").Distinct().ToArray();
        if (broken.Length > 0 || failed > 0)
        {
            Say.Line($"FAILED: {(broken.Length > 0 ? string.Join(", ", broken) : $"{failed} tests failed")}");
            return ExitCodes.Failed;
        }

        if (passed == 0)
        {
            Say.Line($"FAILED: every one of the {skipped} tests that ran was skipped; a run that passes nothing proves nothing (this suite never skips: a skip is a spec that could not check what it claims)");
            return ExitCodes.Failed;
        }

        if (coverage?.Error is not null)
        {
            Say.Line($"FAILED: the coverage report (see 'coverage:' above); all {passed} tests passed");
            return 1;
        }

        Say.Line($"all {passed} tests passed");
        return ExitCodes.Passed;
    }

    // The per-requirement verdicts, when the contract and the built specs can be read; a run without them says why in the summary.
    private static string? Requirements(RunSettings settings, GoldenPath.Fixtures.Environments.GoldenPathEnvironment environment, IReadOnlyList<GoldenPath.Reporting.Selftest.TrxTest> tests)
    {
        if (!File.Exists(GoldenPath.Fixtures.RepositoryLayout.ProtocolFile))
        {
            return $"Requirements: no table, PROTOCOL.md is not at {GoldenPath.Fixtures.RepositoryLayout.ProtocolFile}{System.Environment.NewLine}{System.Environment.NewLine}";
        }

        var specs = RequirementTrace.OfBuiltSuite(settings.Configuration);
        if (specs is null)
        {
            return $"Requirements: no table, the built specs could not be read{System.Environment.NewLine}{System.Environment.NewLine}";
        }

        try
        {
            return RequirementResults.Markdown(GoldenPath.Fixtures.Requirements.ProtocolRequirements.Load(), specs, tests, environment.Dialect.IsDefault ? null : environment.Dialect);
        }
        catch (GoldenPath.Fixtures.Diagnostics.GoldenPathException unreadable)
        {
            return $"Requirements: no table, {unreadable.Message}{System.Environment.NewLine}{System.Environment.NewLine}";
        }
    }
}

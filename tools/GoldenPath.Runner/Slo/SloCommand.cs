using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.Runner.Slo;

/// <summary>
/// <c>slo</c>: N whole golden-path journeys, C at a time, against the environment's platform (started here when local),
/// each with the specs' own clients and rules; then the success rate, each step's percentiles and the thresholds.
/// Exit 0 when every threshold holds, 1 when one fails or the platform is unavailable, 130 when interrupted.
/// </summary>
internal static class SloCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, SloPlan plan, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        IReadOnlyList<Threshold> thresholds;
        try
        {
            thresholds = SloThresholds.For(environment);
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException(e.Message);
        }

        if (!await PrepareAsync(settings, environment, interrupted).ConfigureAwait(false))
        {
            return 1;
        }

        System.Environment.SetEnvironmentVariable("GOLDENPATH_RESULTS_DIR", settings.Results);
        Say.Line($"slo: environment '{environment.Name}' ({environment.Stack.Provider}), {plan}; thresholds: {string.Join(", ", thresholds)}");
        var platform = new PlatformFixture();
        try
        {
            await platform.InitializeAsync().ConfigureAwait(false);
            string target;
            try
            {
                target = platform.Stack.Description;
            }
            catch (PlatformUnavailableException e)
            {
                Say.Line($"slo: no journey walked: {SecretMasker.Apply(e.Message)}");
                return 1;
            }

            Say.Line($"slo: {target}: preflight passed; walking the journeys");
            var startedAt = DateTimeOffset.UtcNow;
            var run = new SloRun(plan);
            using var progress = new SloProgress(plan);
            var journeys = await run.ExecuteAsync((index, timings, _) => new GoldenPathJourney(platform, timings, $"slo-{index}").WalkAsync(), progress.Finished, interrupted).ConfigureAwait(false);

            var report = SloReport.From(environment.Name, target, startedAt, plan, run.Elapsed, run.ClientCpu, journeys, thresholds);
            var files = SloOutputs.Write(settings.Results, report);
            SloConsole.Print(report);
            Say.Line($"slo: {string.Join(", ", files.Select(Path.GetFileName))} in {settings.Results}");
            JobSummary.AppendToGitHub(File.ReadAllText(files[2]));
            if (interrupted.IsCancellationRequested)
            {
                Say.Line($"slo: interrupted after {journeys.Count} journeys; the report covers those");
                return 130;
            }

            return report.Passed ? 0 : 1;
        }
        finally
        {
            await platform.DisposeAsync().ConfigureAwait(false);
        }
    }

    // A local stack needs its programs and the services' build (and, for containers, the images); a remote one nothing.
    private static async Task<bool> PrepareAsync(RunSettings settings, GoldenPathEnvironment environment, CancellationToken interrupted)
    {
        var plan = await RunPlan.ForThisMachineAsync("integration", null, environment).ConfigureAwait(false);
        if (!plan.UsesProcesses && !plan.UsesContainers)
        {
            return true;
        }

        await PrerequisiteSetup.EnsureAsync(Prerequisites.For(plan, environment), settings.Install, interrupted).ConfigureAwait(false);
        var display = new PlainDisplay();
        if (settings.Build && !await SuiteBuild.ProjectAsync("fixtures/GoldenPath.Fixtures/GoldenPath.Fixtures.csproj", settings.Configuration, display, interrupted).ConfigureAwait(false))
        {
            return false;
        }

        return !plan.UsesContainers || await SuiteBuild.ImagesAsync(environment.Containers.Images, settings.Configuration, display, interrupted).ConfigureAwait(false);
    }
}

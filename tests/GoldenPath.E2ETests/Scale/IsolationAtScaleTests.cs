using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.E2ETests.Scale;

/// <summary>
/// The isolation check at scale with the environment's "scale" section (1,000 users by default). Not in the default run: the
/// runner leaves Category=Scale out unless a filter asks for it (<c>--filter Category=Scale</c>); <c>run-tests scale</c> runs the same check.
/// </summary>
[E2E]
[Scale]
[Conformance]
[Requirement("iso.recipients", "iso.nothing-crosses")]
public sealed class IsolationAtScaleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Users_connected_at_once_by_the_thousand_lose_no_run_and_nothing_of_one_reaches_another()
    {
        var plan = ScalePlan.From(platform.Environment.Scale);
        if (platform.Users.Capacity is { } capacity && capacity < plan.Users)
        {
            throw new GoldenPathException($"the scale spec needs {plan.Users} distinct users (scale.users) but the credentials pool holds {capacity}: add users to it, or lower scale.users");
        }

        var thresholds = ScaleThresholds.For(platform.Environment);
        var result = await new ScaleRun(platform, plan).ExecuteAsync(RunProgress.Step, TestContext.Current.CancellationToken);
        var verdict = result.Judge(thresholds);
        RunReport.Append($"scale: {plan}: {result.Runs.Count} of {plan.Runs} runs passed, {result.Leaks.Count} leaks, wall {result.Elapsed.TotalSeconds:0.0} s, " +
                         $"p95 completion {result.Steps["completion"]?.P95:0} ms");
        if (!verdict.Passed)
        {
            throw new GoldenPathException("isolation at scale failed:" + Environment.NewLine +
                string.Join(Environment.NewLine, verdict.Failures.Concat(verdict.Thresholds.Where(t => !t.Passed).Select(t => $"{t.Key} {t.Expression}: {t.Verdict} ({t.Source})"))));
        }
    }
}

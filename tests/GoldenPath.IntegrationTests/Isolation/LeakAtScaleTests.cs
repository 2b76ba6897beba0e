using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Traits;

namespace GoldenPath.IntegrationTests.Isolation;

/// <summary>The leak check is not diluted by scale: one event in a thousand delivered to the wrong user, among hundreds of users, is found and named.</summary>
[Integration]
[Isolation]
[ReferenceStack]
[Requirement("iso.recipients", "iso.nothing-crosses")]
public sealed class LeakAtScaleTests(PlatformFixture platform)
{
    private const int LeakEvery = 1000;

    [Fact]
    public async Task One_event_in_a_thousand_reaching_another_user_is_caught_among_hundreds_of_users()
    {
        var leaking = await platform.StartAnotherAsync("a backend that sends one event in 1,000 to another user too (leak-events)", PlatformService.Backend,
            new Dictionary<string, string> { [SuiteVariables.Faults] = "leak-events", [SuiteVariables.FaultLeakEvery] = LeakEvery.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var plan = new ScalePlan(Users: 300, RunsPerUser: 2, Tabs: 2, TabbedShare: 0.1, RampUp: TimeSpan.FromSeconds(2));

        var result = await new ScaleRun(platform, plan, leaking).ExecuteAsync(cancel: TestContext.Current.CancellationToken);
        var connections = ConnectionGuard.Release(TestContext.Current.Test!.UniqueID); // the leaks are this spec's finding, asserted here
        connections.AfterTerminal.Should().BeEmpty("a leaked copy of an event is no late event of a run");

        var verdict = result.Judge(ScaleThresholds.For(platform.Environment));
        var report = string.Join(Environment.NewLine, verdict.Failures);
        result.Runs.Should().HaveCount(plan.Runs, "the fault leaks events, it loses none{0}{1}", Environment.NewLine, report);
        result.Leaks.Should().NotBeEmpty("{0} runs of 5+ events each pass through the leaking instance, so about {1} of them went to another user", plan.Runs, plan.Runs * 5 / LeakEvery);
        result.Leaks.Should().OnlyContain(l => l.Owner != l.Recipient && l.Where.StartsWith("WebSocket [scale", StringComparison.Ordinal) && l.Evidence.Contains(l.Owner, StringComparison.Ordinal),
            "each leak names both users, the connection and frame it reached, and the frame, which carries its owner's user_id");
        verdict.Passed.Should().BeFalse();
        report.Should().Contain($"{JourneyRules.Isolation}: {result.Leaks.Count} leak(s)");
        GoldenPath.Fixtures.Diagnostics.RunReport.Append($"leak at scale: leak-events every {LeakEvery}: {result.Leaks.Count} leak(s) caught among {result.FramesChecked} frames of {plan.Users} users");
    }
}

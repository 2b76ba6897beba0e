using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Scale;

namespace GoldenPath.UnitTests.Scale;

[Unit]
public sealed class ScalePlanTests
{
    [Fact]
    public void A_tenth_of_the_users_get_two_tabs_spread_among_the_others()
    {
        var plan = new ScalePlan(Users: 1000, RunsPerUser: 2, Tabs: 2, TabbedShare: 0.1, RampUp: TimeSpan.FromSeconds(5));

        plan.Connections.Should().Be(1100);
        plan.Runs.Should().Be(2000);
        Enumerable.Range(0, 10).Select(plan.TabsOf).Should().Equal(1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        new ScalePlan(10, 1, 3, 0, TimeSpan.Zero).Connections.Should().Be(10, "no share, no extra tabs");
        new ScalePlan(10, 1, 3, 1, TimeSpan.Zero).Connections.Should().Be(30, "everyone has three tabs");
    }

    [Fact]
    public void Users_start_evenly_over_the_ramp_up()
    {
        var plan = new ScalePlan(Users: 4, RunsPerUser: 1, Tabs: 1, TabbedShare: 0, RampUp: TimeSpan.FromSeconds(2));

        Enumerable.Range(0, 4).Select(i => plan.StartOf(i).TotalMilliseconds).Should().Equal(0, 500, 1000, 1500);
        (plan with { RampUp = TimeSpan.Zero }).StartOf(3).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void The_plan_comes_from_the_environments_scale_section()
    {
        var plan = ScalePlan.From(new ScaleSettings { Users = 50, RunsPerUser = 3, Tabs = 4, TabbedShare = 0.5, RampUpSeconds = 1.5 });

        plan.Should().Be(new ScalePlan(50, 3, 4, 0.5, TimeSpan.FromSeconds(1.5)));
        plan.ToString().Should().Be("50 users, 3 runs each, 0.5 of them with 4 tabs (125 connections), ramp-up 1.5 s");
    }
}

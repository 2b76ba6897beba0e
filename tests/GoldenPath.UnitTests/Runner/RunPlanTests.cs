using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class RunPlanTests
{
    [Fact]
    public void A_local_processes_run_takes_every_layer_and_leaves_out_only_the_containers_cleanup_specs()
    {
        var plan = RunPlan.For(null, "Category=GoldenPath", Environment(StackProvider.Processes), autoPicksContainers: false);

        plan.Projects.Should().Equal("UnitTests", "IntegrationTests", "E2ETests");
        plan.Filter.Should().Be("((Category=GoldenPath)&Category!=Scale)&Category!=Containers");
        plan.UsesProcesses.Should().BeTrue();
        plan.UsesContainers.Should().BeFalse();
        plan.RunsBrowser.Should().BeTrue();
        plan.Notes.Should().HaveCount(2);
        plan.Notes[0].Should().StartWith("Category=Scale");
        plan.Notes[1].Should().StartWith("Category=Containers");
    }

    [Fact]
    public void A_remote_stack_runs_the_conformance_specs_and_the_browser_only_with_a_chat_page()
    {
        var plan = RunPlan.For(null, null, Environment(StackProvider.Remote), autoPicksContainers: true);

        plan.Filter.Should().Be("(((Category!=ReferenceStack)&Category!=Browser)&Category!=Scale)&Category!=Containers");
        plan.Notes.Should().HaveCount(4);
        plan.Notes[0].Should().StartWith("remote stack (environment 'staging'): left out the ReferenceStack specs");
        plan.Notes[1].Should().Contain("no endpoints.frontend");
        plan.UsesProcesses.Should().BeFalse();
        plan.RunsBrowser.Should().BeFalse();

        var withPage = Environment(StackProvider.Remote);
        withPage.Endpoints.Frontend = "https://chat.example";
        RunPlan.For("e2e", "Category=GoldenPath", withPage, autoPicksContainers: false).Filter.Should().Be("(((Category=GoldenPath)&Category!=ReferenceStack)&Category!=Scale)&Category!=Containers");
    }

    [Fact]
    public void Asking_a_remote_stack_for_reference_stack_specs_is_refused_with_the_reason()
    {
        var ask = () => RunPlan.For(null, "Category = ReferenceStack", Environment(StackProvider.Remote), autoPicksContainers: false);

        ask.Should().Throw<UsageException>().WithMessage("*need a local reference stack*remote stack of environment 'staging'*");
    }

    [Theory]
    [InlineData(StackProvider.Auto, true, true, false)]
    [InlineData(StackProvider.Auto, false, false, true)]
    [InlineData(StackProvider.Containers, false, true, false)]
    public void The_auto_stack_is_containers_where_an_engine_answers(StackProvider provider, bool autoPicksContainers, bool containers, bool processes)
    {
        var plan = RunPlan.For("integration", null, Environment(provider), autoPicksContainers);

        plan.UsesContainers.Should().Be(containers);
        plan.UsesProcesses.Should().Be(processes);
        plan.Filter.Should().Be(containers ? "Category!=Scale" : "(Category!=Scale)&Category!=Containers");
    }

    [Theory]
    [InlineData(null, "(Category!=Scale)&Category!=Containers")]
    [InlineData("Category=Scale", "(Category=Scale)&Category!=Containers")]
    [InlineData("Category = Scale&Category!=Browser", "(Category = Scale&Category!=Browser)&Category!=Containers")]
    public void The_scale_specs_run_only_when_a_filter_asks_for_them(string? filter, string expected)
    {
        RunPlan.For(null, filter, Environment(StackProvider.Processes), autoPicksContainers: false).Filter.Should().Be(expected);
        RunPlan.For("unit", filter, Environment(StackProvider.Processes), autoPicksContainers: false).Notes.Should().NotContain(n => n.StartsWith("Category=Scale", StringComparison.Ordinal));
    }

    [Fact]
    public void The_unit_layer_needs_no_stack_and_an_unknown_layer_is_refused()
    {
        var unit = RunPlan.For("unit", null, Environment(StackProvider.Processes), autoPicksContainers: false);
        unit.Projects.Should().Equal("UnitTests");
        unit.UsesProcesses.Should().BeFalse();
        unit.RunsBrowser.Should().BeFalse();

        var unknown = () => RunPlan.For("smoke", null, Environment(StackProvider.Processes), autoPicksContainers: false);
        unknown.Should().Throw<UsageException>().WithMessage("--layer must be unit, integration or e2e (got 'smoke')");
    }

    private static GoldenPathEnvironment Environment(StackProvider provider) =>
        new() { Name = provider == StackProvider.Remote ? "staging" : "local", Stack = new StackSettings { Provider = provider } };
}

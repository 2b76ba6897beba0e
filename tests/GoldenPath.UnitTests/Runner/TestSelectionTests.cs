using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

/// <summary>Reads this build's own test assemblies: the catalog must find the specs a filter names, and only in their projects.</summary>
[Unit]
public sealed class TestSelectionTests
{
    [Fact]
    public void The_golden_path_selection_starts_only_the_e2e_project_and_knows_it_has_browser_specs()
    {
        var selection = TestSelection.For(Plan("Category=GoldenPath"), BuildConfiguration);

        selection.Projects.Should().Equal("E2ETests");
        selection.LeftOut.Should().Equal("UnitTests", "IntegrationTests");
        selection.SelectsBrowserSpecs.Should().BeTrue();
    }

    [Fact]
    public void Traits_from_custom_attributes_and_methods_are_read()
    {
        TestSelection.For(Plan("Category=Unit"), BuildConfiguration).Projects.Should().Equal("UnitTests");
        TestSelection.For(Plan("FullyQualifiedName~TeardownTests"), BuildConfiguration).Projects.Should().Equal("IntegrationTests");
        TestSelection.For(Plan("Category=Isolation&Category!=Browser"), BuildConfiguration).SelectsBrowserSpecs.Should().BeFalse();
    }

    [Fact]
    public void A_filter_matching_nothing_leaves_every_project_out_and_a_whole_run_keeps_all()
    {
        TestSelection.For(Plan("Category=NoSuchCategory"), BuildConfiguration).Projects.Should().BeEmpty();
        TestSelection.For(Plan(null), BuildConfiguration).Projects.Should().Equal(RunPlan.AllProjects);
    }

    private static string BuildConfiguration => GoldenPath.Fixtures.RepositoryLayout.BuildConfiguration;

    private static RunPlan Plan(string? filter) =>
        RunPlan.For(null, filter, new GoldenPathEnvironment { Stack = new StackSettings { Provider = StackProvider.Processes } }, autoPicksContainers: false);
}

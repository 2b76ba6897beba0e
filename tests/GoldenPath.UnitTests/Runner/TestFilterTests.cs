using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class TestFilterTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Journey = Test("GoldenPath.E2ETests.GoldenPath.GoldenPathJourneyTests.A_new_user", "E2E", "GoldenPath", "Conformance");
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Rule = Test("GoldenPath.UnitTests.Rules.RunRulesTests.Order", "Unit");

    [Theory]
    [InlineData("Category=GoldenPath", true, false)]
    [InlineData("(Category=GoldenPath)&Category!=Containers", true, false)]
    [InlineData("Category=Unit|Category=GoldenPath", true, true)]
    [InlineData("Category!=Quarantined", true, true)]
    [InlineData("FullyQualifiedName~RunRules", false, true)]
    [InlineData("FullyQualifiedName!~RunRules & Category != Unit", true, false)]
    [InlineData("((Category=GoldenPath)&Category!=ReferenceStack)&Category!=Browser", true, false)]
    public void A_filter_selects_the_tests_dotnet_test_would(string filter, bool journey, bool rule)
    {
        var parsed = TestFilter.Parse(filter);

        parsed.Should().NotBeNull();
        parsed!.Matches(Journey).Should().Be(journey);
        parsed.Matches(Rule).Should().Be(rule);
    }

    [Theory]
    [InlineData("DisplayName~with_args")]
    [InlineData("Category=goldenpath")]
    [InlineData("Category!=e2e")]
    public void What_the_catalog_cannot_decide_is_a_maybe_so_the_project_runs(string filter) =>
        TestFilter.Parse(filter)!.Matches(Journey).Should().BeNull();

    [Theory]
    [InlineData("Category=GoldenPath)")]
    [InlineData("(Category=GoldenPath")]
    [InlineData("Category")]
    [InlineData("=GoldenPath")]
    public void A_filter_it_cannot_read_is_not_parsed(string filter) =>
        TestFilter.Parse(filter).Should().BeNull();

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Test(string name, params string[] categories) =>
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["FullyQualifiedName"] = [name],
            ["Category"] = categories,
        };
}

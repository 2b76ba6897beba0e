using GoldenPath.Runner.Coverage;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class CoverageFiguresTests
{
    // ReportGenerator 5.6.0's JsonSummary of a unit-layer run, trimmed to two assemblies (one with no branches) and one class.
    private const string Summary = """
        {
          "summary": {
            "generatedon": "2026-12-07T05:37:39Z", "parser": "Cobertura", "assemblies": 2, "classes": 156, "files": 140,
            "coveredlines": 621, "uncoveredlines": 4061, "coverablelines": 4682, "totallines": 11300, "linecoverage": 13.2,
            "coveredbranches": 337, "totalbranches": 2228, "branchcoverage": 15.1
          },
          "coverage": {
            "assemblies": [
              { "name": "GoldenPath.Platform.Common", "classes": 1, "coverage": 0, "coveredlines": 0, "coverablelines": 6, "totallines": 53,
                "branchcoverage": null, "coveredbranches": 0, "totalbranches": 0, "classesinassembly": [] },
              { "name": "GoldenPath.Fixtures", "classes": 155, "coverage": 13.2, "coveredlines": 621, "coverablelines": 4676, "totallines": 11247,
                "branchcoverage": 15.1, "coveredbranches": 337, "totalbranches": 2228, "classesinassembly": [
                { "name": "GoldenPath.Fixtures.Clients.ApiResponse", "coverage": 76.4, "coveredlines": 26, "coverablelines": 34, "branchcoverage": 53.5, "coveredbranches": 15, "totalbranches": 28 }
              ] }
            ]
          }
        }
        """;

    [Fact]
    public void The_table_has_line_and_branch_coverage_per_assembly_and_a_total_row()
    {
        var figures = CoverageFigures.Read(Summary);

        figures.Assemblies.Select(a => a.Name).Should().Equal("GoldenPath.Fixtures", "GoldenPath.Platform.Common");
        figures.Total.Should().Be(new AssemblyCoverage("all", 621, 4682, 337, 2228));
        var markdown = figures.Markdown(sources: 3);
        markdown.Should().StartWith("### Coverage: 13.3% of lines, 15.1% of branches")
            .And.Contain("| assembly | lines | branches |")
            .And.Contain("| GoldenPath.Fixtures | 13.3% (621 of 4,676) | 15.1% (337 of 2,228) |")
            .And.Contain("| **all** | **13.3% (621 of 4,682)** | **15.1% (337 of 2,228)** |")
            .And.Contain("Merged from 3 Cobertura files")
            .And.Contain("`coverage/index.html`")
            .And.NotContain("ApiResponse", "the table is per assembly; the classes are in the HTML report");
    }

    [Fact]
    public void An_assembly_without_branches_shows_a_dash_not_zero_percent()
    {
        var common = CoverageFigures.Read(Summary).Assemblies.Single(a => a.Name == "GoldenPath.Platform.Common");

        common.BranchPercent.Should().BeNull();
        CoverageFigures.Read(Summary).Markdown(1).Should().Contain("| GoldenPath.Platform.Common | 0.0% (0 of 6) | – |");
    }

    [Fact]
    public void The_console_line_names_each_assemblys_line_coverage()
    {
        CoverageFigures.Read(Summary).Line.Should().Be("13.3% of lines, 15.1% of branches (GoldenPath.Fixtures 13.3%, GoldenPath.Platform.Common 0.0%)");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "summary": { "coveredlines": 1 } }""")]
    [InlineData("""{ "summary": { "coverablelines": 1 }, "coverage": { "assemblies": [] } }""")]
    public void A_file_that_is_not_a_json_summary_is_an_error_that_says_so(string json)
    {
        var read = () => CoverageFigures.Read(json);

        read.Should().Throw<InvalidDataException>().WithMessage("not a ReportGenerator JsonSummary*");
    }
}

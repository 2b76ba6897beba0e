using GoldenPath.Runner.Coverage;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class CoverageReportTests
{
    [Fact]
    public void A_merge_that_failed_names_the_tool_the_fix_and_where_the_raw_files_are()
    {
        var results = Path.Combine(Path.GetTempPath(), "run");

        var message = CoverageReport.NotMerged("ReportGenerator exited 1 (its output is above)", results);

        message.Should().StartWith("the coverage files were not merged: ReportGenerator exited 1")
            .And.Contain("dotnet-reportgenerator-globaltool, .config/dotnet-tools.json")
            .And.Contain("run `dotnet tool restore` in ")
            .And.Contain($"`dotnet tool run reportgenerator \"-reports:{Path.Combine(results, "coverage", "raw", "*.cobertura.xml")}\" -targetdir:{Path.Combine(results, "coverage")} ")
            .And.EndWith($"The raw Cobertura files are kept in {Path.Combine(results, "coverage", "raw")}");
    }

    [Fact]
    public void The_summary_section_says_not_merged_and_why_when_there_are_no_figures()
    {
        var markdown = new CoverageOutcome(null, "no coverage file was written by any test project (coverlet.MTP)", 0).Markdown();

        markdown.Should().StartWith("### Coverage: not merged").And.Contain("**Coverage error:** no coverage file was written");
    }
}

using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;
using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class JobSummaryTests
{
    [Fact]
    public void The_summary_has_a_table_per_layer_and_each_failure_with_its_first_diagnosis_line()
    {
        var unit = new ProjectResult("UnitTests", 0, [new TrxTest("GoldenPath.UnitTests.Rules.RunRulesTests.Order", "Passed", string.Empty, TimeSpan.FromMilliseconds(40))], TimeSpan.FromSeconds(3));
        var e2e = new ProjectResult("E2ETests", 1,
        [
            new TrxTest("GoldenPath.E2ETests.GoldenPath.GoldenPathJourneyTests.Journey", "Failed", "\n  GoldenPath.Fixtures.Diagnostics.GoldenPathException : correlation: the event's run_id | is not the ack's\nsecond line", TimeSpan.FromSeconds(4)),
            new TrxTest("GoldenPath.E2ETests.GoldenPath.MultiTabTests.Tabs(count: 2)", "NotExecuted", string.Empty),
        ], TimeSpan.FromSeconds(30));

        var markdown = JobSummary.Markdown("1 passed, 1 failed, 1 skipped", "environment `local`", [[unit, e2e]], null, "stack: processes");

        markdown.Should().StartWith("## GoldenPath: 1 passed, 1 failed, 1 skipped");
        markdown.Should().Contain("### Unit: 1 passed, 0 failed, 0 skipped (3.0 s)").And.Contain("| Rules.RunRulesTests | 1 | 0 | 0 | 0.0 s |");
        markdown.Should().Contain("### E2E: 0 passed, 1 failed, 1 skipped (30.0 s)")
            .And.Contain("| GoldenPath.GoldenPathJourneyTests | 0 | 1 | 0 | 4.0 s |")
            .And.Contain("| GoldenPath.MultiTabTests | 0 | 0 | 1 | 0.0 s |");
        markdown.Should().Contain("- `GoldenPath.E2ETests.GoldenPath.GoldenPathJourneyTests.Journey`: correlation: the event's run_id \\| is not the ack's")
            .And.NotContain("second line");
        markdown.Should().Contain("<summary>Stack report</summary>").And.Contain("stack: processes");
    }

    [Fact]
    public void The_requirements_table_comes_after_the_layers_and_before_the_failures()
    {
        var e2e = new ProjectResult("E2ETests", 1, [new TrxTest("GoldenPath.E2ETests.GoldenPath.GoldenPathJourneyTests.Journey", "Failed", "golden-order: no tool_executing")], TimeSpan.FromSeconds(3));

        var markdown = JobSummary.Markdown("0 passed, 1 failed, 0 skipped", string.Empty, [[e2e]], null, null, "### Requirements (PROTOCOL.md §7)\n");

        markdown.IndexOf("### E2E", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("### Requirements", StringComparison.Ordinal));
        markdown.IndexOf("### Requirements", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("### Failures", StringComparison.Ordinal));
    }

    [Fact]
    public void The_coverage_table_comes_after_the_layers_and_before_the_requirements()
    {
        var unit = new ProjectResult("UnitTests", 0, [new TrxTest("GoldenPath.UnitTests.Rules.RunRulesTests.Order", "Passed", string.Empty)], TimeSpan.FromSeconds(3));

        var markdown = JobSummary.Markdown("1 passed, 0 failed, 0 skipped", string.Empty, [[unit]], null, null, "### Requirements (PROTOCOL.md §7)\n", "### Coverage: 13.3% of lines, 15.1% of branches\n");

        markdown.IndexOf("### Unit", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("### Coverage", StringComparison.Ordinal));
        markdown.IndexOf("### Coverage", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("### Requirements", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_that_exited_non_zero_without_a_failed_test_is_said()
    {
        var crashed = new ProjectResult("IntegrationTests", 134, [], TimeSpan.FromSeconds(2));

        JobSummary.Markdown("0 passed, 0 failed, 0 skipped", string.Empty, [[crashed]], null, null)
            .Should().Contain("The test run exited 134 without a failed test to explain it");
    }

    [Fact]
    public void The_summary_is_written_beside_the_results_and_appended_to_the_github_job_summary()
    {
        var folder = Directory.CreateTempSubdirectory("gp-summary-").FullName;
        var github = Path.Combine(folder, "step-summary.md");
        File.WriteAllText(github, "earlier step\n");
        var previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        try
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", github);

            var file = JobSummary.Write(folder, "## GoldenPath: 1 passed");

            File.ReadAllText(file).Should().Be("## GoldenPath: 1 passed");
            File.ReadAllText(github).Should().StartWith("earlier step\n## GoldenPath: 1 passed");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
            Directory.Delete(folder, recursive: true);
        }
    }
}

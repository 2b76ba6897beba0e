using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Runner;

/// <summary>The test executable's command line: what the run's reports, its progress line and its zero-test rule depend on.</summary>
[Unit]
public sealed class TestHostArgumentsTests
{
    [Fact]
    public void A_run_asks_for_xunits_TRX_and_JUnit_files_a_line_per_test_and_leaves_the_zero_test_verdict_to_the_runner()
    {
        var arguments = new TestHostArguments("/r", "GoldenPath.E2ETests.trx") { Filter = "Category=GoldenPath", JunitFile = "GoldenPath.E2ETests.junit.xml" }.Build();

        ValueOf(arguments, "--results-directory").Should().Be("/r");
        arguments.Should().Contain(["--report-xunit-trx", "--report-xunit-junit"]);
        ValueOf(arguments, "--report-xunit-trx-filename").Should().Be("GoldenPath.E2ETests.trx");
        ValueOf(arguments, "--report-xunit-junit-filename").Should().Be("GoldenPath.E2ETests.junit.xml");
        ValueOf(arguments, "--filter").Should().Be("Category=GoldenPath", "the filter goes through in dotnet test's language, unchanged");
        ValueOf(arguments, "--show-test-results").Should().Be("all", "the progress display counts a line per test");
        ValueOf(arguments, "--ignore-exit-code").Should().Be(TestHostArguments.NoTestRan.ToString(System.Globalization.CultureInfo.InvariantCulture));
        arguments.Should().NotContain("--coverlet", "coverage only when asked");
    }

    [Fact]
    public void Coverage_measures_the_suites_assemblies_not_the_test_projects_under_the_projects_file_prefix()
    {
        var arguments = new TestHostArguments("/r", "selftest.trx") { CoveragePrefix = "GoldenPath.UnitTests" }.Build();

        arguments.Should().Contain("--coverlet");
        ValueOf(arguments, "--coverlet-output-format").Should().Be("cobertura");
        ValueOf(arguments, "--coverlet-file-prefix").Should().Be("GoldenPath.UnitTests");
        ValueOf(arguments, "--coverlet-include").Should().Be("[GoldenPath.*]*");
        ValueOf(arguments, "--coverlet-exclude").Should().Be("[GoldenPath.*Tests]*");
        arguments.Should().NotContain(["--filter", "--report-xunit-junit"], "no filter and no JUnit file were asked for");
    }

    private static string? ValueOf(IReadOnlyList<string> arguments, string option) =>
        arguments.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => arguments.ElementAtOrDefault(p.i + 1)).FirstOrDefault();
}

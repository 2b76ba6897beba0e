using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;

namespace GoldenPath.Runner.Run;

/// <summary>One test project's run: its exit code and the tests its TRX file holds.</summary>
internal sealed record ProjectResult(string Project, int ExitCode, IReadOnlyList<TrxTest> Tests, TimeSpan Elapsed)
{
    /// <summary>The raw Cobertura files the run left in coverage/raw; null when it collected no coverage, empty when the collector wrote none.</summary>
    public IReadOnlyList<string>? CoverageFiles { get; init; }

    /// <summary>Unit, Integration or E2E.</summary>
    public string Layer => Project.Replace("Tests", string.Empty, StringComparison.Ordinal);

    public int Passed => Tests.Count(t => t.Passed);

    public int Failed => Tests.Count(t => t.Failed);

    public int Skipped => Tests.Count(t => t.Skipped);

    /// <summary>The project's run failed: a failed test, or an exit code with no failed test to explain it (a crash, a build error).</summary>
    public bool Broken => Failed > 0 || ExitCode != 0;
}

using System.Text.RegularExpressions;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>Where a failed browser spec leaves its screenshot, trace and console log: &lt;results&gt;/browser/&lt;test-name&gt;/.</summary>
public static partial class ArtifactFolder
{
    /// <summary>The results folder run-tests.sh sets (GOLDENPATH_RESULTS_DIR), else one under the system temp folder.</summary>
    public static string Results =>
        Path.GetFullPath(RunReport.ResultsDirectory is { Length: > 0 } directory ? directory : Path.Combine(Path.GetTempPath(), "goldenpath", "results"));

    public static string For(string testName) => Path.Combine(Results, "browser", SafeName().Replace(testName, "_"));

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeName();
}

using System.Text.RegularExpressions;

namespace GoldenPath.Runner.Progress;

/// <summary>
/// Reads a test's outcome from a line of Microsoft.Testing.Platform's terminal output ("passed Ns.Class.Method (12ms)"),
/// which the runner asks for on every test (<c>--show-test-results all</c>): Passed, Failed or Skipped, else null.
/// </summary>
internal static partial class TestOutcomeLine
{
    public static string? Outcome(string line) => Pattern().Match(line) is { Success: true } match
        ? match.Groups["outcome"].Value switch
        {
            "passed" => "Passed",
            "skipped" => "Skipped",
            _ => "Failed", // failed, error, timed out, canceled
        }
        : null;

    [GeneratedRegex(@"^(?<outcome>passed|failed|skipped|error|timed out|canceled) \S+.*\(\d[^)]*\)\s*$|^(?<outcome>skipped) \S+\s*$")]
    private static partial Regex Pattern();
}

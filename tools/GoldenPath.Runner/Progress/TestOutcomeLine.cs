using System.Text.RegularExpressions;

namespace GoldenPath.Runner.Progress;

/// <summary>Reads a test's outcome from a line of dotnet test's console logger ("  Passed Ns.Class.Method [12 ms]").</summary>
internal static partial class TestOutcomeLine
{
    public static string? Outcome(string line) => Pattern().Match(line) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^\s+(Passed|Failed|Skipped) \S.* \[[^\]]+\]\s*$|^\s+(?<1>Skipped) \S+\s*$")]
    private static partial Regex Pattern();
}

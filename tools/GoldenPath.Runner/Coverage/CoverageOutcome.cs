namespace GoldenPath.Runner.Coverage;

/// <summary>The coverage of a run: the figures merged (null when none could be), and what went wrong (null when nothing did).</summary>
internal sealed record CoverageOutcome(CoverageFigures? Figures, string? Error, int Sources)
{
    /// <summary>summary.md's Coverage section: the table, and the error after it when there is one.</summary>
    public string Markdown() =>
        (Figures?.Markdown(Sources) ?? $"### Coverage: not merged{System.Environment.NewLine}{System.Environment.NewLine}") +
        (Error is null ? string.Empty : $"**Coverage error:** {Error}{System.Environment.NewLine}{System.Environment.NewLine}");
}

namespace GoldenPath.Runner.Watch;

/// <summary>What one tick found: healthy or not, the preflight's verdict, the journeys walked, and why it failed (masked).</summary>
internal sealed record TickVerdict(bool Healthy, bool PreflightPassed, int Journeys, int Succeeded, double? CompletionP95Ms, string? Diagnosis)
{
    /// <summary>A tick that got no verdict from the target: it threw, or hung past its deadline.</summary>
    public static TickVerdict Failing(string diagnosis) => new(false, false, 0, 0, null, diagnosis);
}

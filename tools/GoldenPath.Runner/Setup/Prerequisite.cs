namespace GoldenPath.Runner.Setup;

/// <summary>A program a run needs from the machine, the package that brings it, and whether it is here.</summary>
internal sealed record Prerequisite(string Name, string AptPackage, string? BrewFormula, string NeededFor, bool Present);

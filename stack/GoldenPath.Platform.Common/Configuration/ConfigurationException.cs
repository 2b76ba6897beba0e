namespace GoldenPath.Platform.Common.Configuration;

/// <summary>A missing or invalid environment variable; <see cref="Problem"/> never contains its value.</summary>
public sealed class ConfigurationException(string variable, string problem)
    : Exception($"{variable} {problem}")
{
    public string Variable { get; } = variable;

    public string Problem { get; } = problem;
}

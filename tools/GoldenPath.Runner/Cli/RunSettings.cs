using GoldenPath.Fixtures.Environments;

namespace GoldenPath.Runner.Cli;

/// <summary>What the person running the suite asked for, as parsed from the command line. <see cref="Results"/> is the --results folder (<see cref="ResultsGiven"/>) or the default results root, until a command claims its folder (Concurrency.ResultsFolder).</summary>
internal sealed record RunSettings(
    string? Layer, string? EnvironmentName, string? Stack, string? Filter, string Configuration, string Results, bool Build, bool Install, int Repeat, bool Coverage, bool ResultsGiven = false)
{
    /// <summary>The environment's settings (GOLDENPATH__Section__Key) a command's own options set, such as scale's --users.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Builds the run's <see cref="SuiteSettings"/> (this process's GOLDENPATH_ENV and GOLDENPATH__ variables, then --env, --stack,
    /// -c and the command's overrides over them), installs them for the code this process runs (<see cref="SuiteSettings.Use"/>:
    /// no environment variable changes; a child gets them through <see cref="SuiteSettings.ForChild"/>), then loads the
    /// environment: a missing or invalid file is an error that names it.
    /// </summary>
    public GoldenPathEnvironment ApplyAndLoad()
    {
        var suite = SuiteSettings.FromVariables(System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value));
        if (EnvironmentName is { Length: > 0 } name)
        {
            var file = Path.Combine(GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, name + ".json");
            if (!File.Exists(file))
            {
                throw new UsageException($"no environment '{name}': environments/{name}.json does not exist");
            }

            suite = suite with { EnvironmentName = name };
        }

        if (Stack is { Length: > 0 } stack)
        {
            suite = suite.WithOverride("Stack__Provider", stack);
        }

        foreach (var (key, value) in Overrides)
        {
            suite = suite.WithOverride(key, value);
        }

        // The processes stack runs the services' build in this configuration (the runner itself is built in Debug).
        SuiteSettings.Use(suite with { StackConfiguration = Configuration, ResultsDirectory = null });
        try
        {
            return EnvironmentLoader.Load(SuiteSettings.Current);
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}

/// <summary>A request the runner cannot carry out as asked (exit 2), with what to do instead.</summary>
internal sealed class UsageException(string message) : Exception(message);

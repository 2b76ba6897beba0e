using GoldenPath.Fixtures.Environments;

namespace GoldenPath.Runner.Cli;

/// <summary>What the person running the suite asked for, as parsed from the command line. <see cref="Results"/> is the --results folder (<see cref="ResultsGiven"/>) or the default results root, until a command claims its folder (Concurrency.ResultsFolder).</summary>
internal sealed record RunSettings(
    string? Layer, string? EnvironmentName, string? Stack, string? Filter, string Configuration, string Results, bool Build, bool Install, int Repeat, bool Coverage, bool ResultsGiven = false)
{
    /// <summary>
    /// Hands --env and --stack to everything this run starts (the test hosts read GOLDENPATH_ENV and
    /// GOLDENPATH__Stack__Provider), then loads the environment: a missing or invalid file is an error that names it.
    /// </summary>
    public GoldenPathEnvironment ApplyAndLoad()
    {
        if (EnvironmentName is { Length: > 0 } name)
        {
            var file = Path.Combine(GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, name + ".json");
            if (!File.Exists(file))
            {
                throw new UsageException($"no environment '{name}': environments/{name}.json does not exist");
            }

            System.Environment.SetEnvironmentVariable(EnvironmentLoader.SelectorVariable, name);
        }

        if (Stack is { Length: > 0 } stack)
        {
            System.Environment.SetEnvironmentVariable("GOLDENPATH__Stack__Provider", stack);
        }

        // The processes stack runs the services' build in this configuration (the runner itself is built in Debug).
        System.Environment.SetEnvironmentVariable(SuiteVariables.StackConfiguration, Configuration);
        try
        {
            return EnvironmentLoader.Load();
        }
        catch (EnvironmentConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}

/// <summary>A request the runner cannot carry out as asked (exit 2), with what to do instead.</summary>
internal sealed class UsageException(string message) : Exception(message);

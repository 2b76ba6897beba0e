using System.Diagnostics;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Slo;

/// <summary>
/// The built runner (run-tests' commands) as a child process aimed at a stack this test assembly runs: environment
/// 'staging' (a remote platform, PROTOCOL.md §5's budgets, users registered) with its URLs pointed at <see cref="StackEndpoints"/>.
/// </summary>
public static class RunnerChild
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, StackEndpoints target, IReadOnlyDictionary<string, string>? more = null) =>
        Prepare(new ProcessStartInfo("dotnet") { UseShellExecute = false }, arguments.Prepend(RepositoryLayout.RunnerAssembly), target, more);

    /// <summary>
    /// run-tests.sh as a person starts it: the shim builds the runner or reuses its copy, and hands over. With no
    /// <paramref name="target"/>, the child runs in the default environment (local), starting what it needs itself.
    /// </summary>
    public static ProcessStartInfo ShimStartInfo(IEnumerable<string> arguments, StackEndpoints? target, IReadOnlyDictionary<string, string>? more = null) =>
        Prepare(new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = RepositoryLayout.Root }, arguments.Prepend(Path.Combine(RepositoryLayout.Root, "run-tests.sh")), target, more);

    private static ProcessStartInfo Prepare(ProcessStartInfo start, IEnumerable<string> arguments, StackEndpoints? target, IReadOnlyDictionary<string, string>? more)
    {
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own selection and overrides (another environment, a stack provider, its results folder) are not the child's.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(EnvironmentLoader.OverridePrefix, StringComparison.OrdinalIgnoreCase) ||
                                                               k is EnvironmentLoader.SelectorVariable or SuiteVariables.ResultsDirectory or SuiteVariables.ResultsRoot).ToArray())
        {
            start.Environment.Remove(name);
        }

        if (target is not null)
        {
            start.Environment[EnvironmentLoader.SelectorVariable] = "staging";
            start.Environment["GOLDENPATH__Endpoints__Auth"] = target.Auth.ToString();
            start.Environment["GOLDENPATH__Endpoints__Backend"] = target.Backend.ToString();
            start.Environment["GOLDENPATH__Endpoints__WebSocket"] = target.WebSocket.ToString();
        }

        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static Task<HostCommand.Result> RunAsync(IEnumerable<string> arguments, StackEndpoints target, TimeSpan timeout, IReadOnlyDictionary<string, string>? more = null) =>
        HostCommand.RunAsync(StartInfo(arguments, target, more), timeout);
}

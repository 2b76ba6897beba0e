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
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, StackEndpoints target, IReadOnlyDictionary<string, string>? more = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in arguments.Prepend(RepositoryLayout.RunnerAssembly))
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own selection and overrides (another environment, a stack provider, its results folder) are not the child's.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(EnvironmentLoader.OverridePrefix, StringComparison.OrdinalIgnoreCase) ||
                                                               k is EnvironmentLoader.SelectorVariable or "GOLDENPATH_RESULTS_DIR").ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment[EnvironmentLoader.SelectorVariable] = "staging";
        start.Environment["GOLDENPATH__Endpoints__Auth"] = target.Auth.ToString();
        start.Environment["GOLDENPATH__Endpoints__Backend"] = target.Backend.ToString();
        start.Environment["GOLDENPATH__Endpoints__WebSocket"] = target.WebSocket.ToString();
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static Task<HostCommand.Result> RunAsync(IEnumerable<string> arguments, StackEndpoints target, TimeSpan timeout, IReadOnlyDictionary<string, string>? more = null) =>
        HostCommand.RunAsync(StartInfo(arguments, target, more), timeout);
}

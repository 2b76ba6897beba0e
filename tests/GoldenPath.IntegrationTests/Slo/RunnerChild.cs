using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Slo;

/// <summary>
/// The built runner (run-tests' commands) as a child process aimed at a stack this test assembly runs: environment
/// 'staging' (a remote platform, PROTOCOL.md §5's budgets, users registered) with its URLs pointed at <see cref="StackEndpoints"/>.
/// </summary>
public static class RunnerChild
{
    public static Task<HostCommand.Result> RunAsync(IEnumerable<string> arguments, StackEndpoints target, TimeSpan timeout, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>(AimedAt(target));
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return HostCommand.RunAsync("dotnet", [RepositoryLayout.RunnerAssembly, .. arguments], timeout, environment);
    }

    /// <summary>The variables that aim environment 'staging' at <paramref name="target"/>; the provider is set too, since a run with --stack hands its own down.</summary>
    public static IReadOnlyDictionary<string, string> AimedAt(StackEndpoints target) => new Dictionary<string, string>
    {
        ["GOLDENPATH_ENV"] = "staging",
        ["GOLDENPATH__Stack__Provider"] = "Remote",
        ["GOLDENPATH__Endpoints__Auth"] = target.Auth.ToString(),
        ["GOLDENPATH__Endpoints__Backend"] = target.Backend.ToString(),
        ["GOLDENPATH__Endpoints__WebSocket"] = target.WebSocket.ToString(),
    };
}

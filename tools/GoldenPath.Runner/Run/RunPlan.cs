using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Stack.Containers;
using GoldenPath.Runner.Cli;

namespace GoldenPath.Runner.Run;

/// <summary>
/// What one run executes: the test projects of the layer asked for, and the filter after what the target cannot run
/// is left out (said in <see cref="Notes"/>, one line each): on a remote stack the ReferenceStack specs, and the browser
/// specs without a chat page; off the containers stack the containers stack's own cleanup specs.
/// </summary>
internal sealed record RunPlan(IReadOnlyList<string> Projects, string? Filter, IReadOnlyList<string> Notes, bool UsesContainers, bool UsesProcesses, bool RunsBrowser)
{
    public static readonly IReadOnlyList<string> AllProjects = ["UnitTests", "IntegrationTests", "E2ETests"];

    /// <summary>The plan for this machine: an Auto stack is resolved the way the test run will resolve it (the Docker probe).</summary>
    public static async Task<RunPlan> ForThisMachineAsync(string? layer, string? filter, GoldenPathEnvironment environment)
    {
        var autoPicksContainers = environment.Stack.Provider == StackProvider.Auto && layer != "unit" &&
            StackFactory.ChooseAuto(await DockerEngineProbe.ProbeAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false), OperatingSystem.IsWindows()).Provider == StackProvider.Containers;
        return For(layer, filter, environment, autoPicksContainers);
    }

    public static RunPlan For(string? layer, string? filter, GoldenPathEnvironment environment, bool autoPicksContainers)
    {
        var projects = layer switch
        {
            null or "" => AllProjects,
            "unit" => ["UnitTests"],
            "integration" => ["IntegrationTests"],
            "e2e" => ["E2ETests"],
            _ => throw new UsageException($"--layer must be unit, integration or e2e (got '{layer}')"),
        };
        var platform = layer != "unit";
        var provider = environment.Stack.Provider;
        var notes = new List<string>();
        var browser = projects.Contains("E2ETests");

        if (provider == StackProvider.Remote && platform)
        {
            if (Asks(filter, "Category=ReferenceStack"))
            {
                throw new UsageException($"the filter '{filter}' asks for ReferenceStack specs, which need a local reference stack (--stack processes or containers: fault switches, a second instance, TLS files); they cannot run on the remote stack of environment '{environment.Name}'");
            }

            notes.Add($"remote stack (environment '{environment.Name}'): left out the ReferenceStack specs (they need a local reference stack: fault switches, a second instance, TLS files, the reference agent's wording); running the Conformance specs");
            filter = And(filter, "Category!=ReferenceStack");
            if (environment.Endpoints.Frontend is not { Length: > 0 })
            {
                notes.Add($"remote stack (environment '{environment.Name}'): left out the browser specs (Category=Browser): the environment names no endpoints.frontend, the chat page to drive (see docs/page-contract.md)");
                filter = And(filter, "Category!=Browser");
                browser = false;
            }
        }

        if (platform && !Asks(filter, "Category=Scale"))
        {
            notes.Add("Category=Scale (isolation at scale, 1,000 users by default) runs only when asked for: --filter Category=Scale, or ./run-tests.sh scale");
            filter = And(filter, "Category!=Scale");
        }

        var containers = provider == StackProvider.Containers || (provider == StackProvider.Auto && autoPicksContainers);
        if (!containers)
        {
            notes.Add("Category=Containers (the containers stack's cleanup specs) runs only on the containers stack (--stack containers)");
            filter = And(filter, "Category!=Containers");
        }

        var processes = platform && (provider == StackProvider.Processes || (provider == StackProvider.Auto && !autoPicksContainers));
        return new RunPlan(projects, filter, notes, containers && platform, processes, browser);
    }

    /// <summary>
    /// Whether the E2E monitoring spec (Category=Monitoring: a real Prometheus and Alertmanager beside a local stack) may run:
    /// the E2E layer on a local stack, and a filter that asks for it or only leaves things out.
    /// </summary>
    public bool RunsMonitoring => Projects.Contains("E2ETests") && (UsesProcesses || UsesContainers) &&
        (Filter is null || Filter.Contains("Monitoring", StringComparison.Ordinal) || !System.Text.RegularExpressions.Regex.IsMatch(Filter, "(?<!!)[=~]"));

    private static bool Asks(string? filter, string clause) =>
        (filter ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Contains(clause, StringComparison.Ordinal);

    private static string And(string? filter, string clause) => filter is { Length: > 0 } ? $"({filter})&{clause}" : clause;
}

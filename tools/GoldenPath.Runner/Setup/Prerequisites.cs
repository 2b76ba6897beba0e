using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Stack.Containers;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Setup;

/// <summary>Which programs a planned run needs from this machine, each looked for where the suite will look for it.</summary>
internal static class Prerequisites
{
    /// <param name="variable">Reads an environment variable (GOLDENPATH_BROWSER_PATH, DOCKER_HOST); the process's own by default.</param>
    /// <param name="exists">Whether a program (a path, or a name on PATH) or a file is here; <see cref="ExecutableSearch"/> by default.</param>
    public static IReadOnlyList<Prerequisite> For(RunPlan plan, GoldenPathEnvironment environment, Func<string, string?>? variable = null, Func<string, bool>? exists = null)
    {
        variable ??= System.Environment.GetEnvironmentVariable;
        exists ??= ExecutableSearch.Exists;
        var needed = new List<Prerequisite>();
        if (plan.UsesProcesses)
        {
            needed.Add(new("postgresql", "postgresql", "postgresql@15", "the processes stack", PostgresServer.FindBinaries() is not null));
            needed.Add(new("redis-server", "redis-server", "redis", "the processes stack", exists(RedisServer.Executable)));
        }

        if (plan.UsesContainers)
        {
            needed.Add(new("docker", "docker.io", null, "the containers stack", exists("docker")));
            needed.Add(new("a Docker engine (dockerd)", "docker.io", null, "the containers stack", HasEngine(variable, exists)));
            if (environment.Containers.Images == ContainerImageSource.Local)
            {
                needed.Add(new("debootstrap", "debootstrap", null, "the containers stack's locally built images", exists("debootstrap")));
            }
        }

        // Only a named browser can be installed: without one the specs drive Playwright's own (playwright.ps1 install chromium).
        if (plan.RunsBrowser && environment.Browser.Choose(variable).Path is { } browser)
        {
            // Debian packages Chromium's headless shell (the browser the local environment names: a third of the full browser's CPU) apart.
            var package = Path.GetFileName(browser) == "chromium-headless-shell" ? "chromium-headless-shell" : "chromium";
            needed.Add(new(package, package, null, $"the browser specs ({browser})", exists(browser)));
        }

        // The monitoring spec (Category=Monitoring) runs a real Prometheus and Alertmanager beside the local stack.
        if (plan.RunsMonitoring)
        {
            needed.Add(new("prometheus", "prometheus", "prometheus", "the monitoring spec (Category=Monitoring)", exists("prometheus")));
            needed.Add(new("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager", "the monitoring spec (Category=Monitoring)",
                exists("prometheus-alertmanager") || exists("alertmanager")));
        }

        return needed;
    }

    /// <summary>
    /// A docker CLI is not an engine (some images ship the CLI alone). An engine is here when DOCKER_HOST names one (the
    /// stack's own probe diagnoses it if it does not answer), when the default socket exists (an engine runs, or Docker
    /// Desktop's), or when dockerd can be started (CI starts it).
    /// </summary>
    private static bool HasEngine(Func<string, string?> variable, Func<string, bool> exists) =>
        OperatingSystem.IsWindows() || // Docker Desktop: nothing here installs it; the stack's probe says what to start
        variable("DOCKER_HOST") is { Length: > 0 } ||
        exists("dockerd") ||
        exists(DockerEndpoint.Parse(DockerEndpoint.DefaultAddress).SocketPath!);
}

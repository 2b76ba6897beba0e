using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Setup;

/// <summary>Which programs a planned run needs from this machine, each looked for where the suite will look for it.</summary>
internal static class Prerequisites
{
    /// <param name="variable">Reads an environment variable (GOLDENPATH_BROWSER_PATH); the process's own by default.</param>
    public static IReadOnlyList<Prerequisite> For(RunPlan plan, GoldenPathEnvironment environment, Func<string, string?>? variable = null)
    {
        var needed = new List<Prerequisite>();
        if (plan.UsesProcesses)
        {
            needed.Add(new("postgresql", "postgresql", "postgresql@15", "the processes stack", PostgresServer.FindBinaries() is not null));
            needed.Add(new("redis-server", "redis-server", "redis", "the processes stack", ExecutableSearch.Exists(RedisServer.Executable)));
        }

        if (plan.UsesContainers)
        {
            needed.Add(new("docker", "docker.io", null, "the containers stack", ExecutableSearch.Exists("docker")));
            if (environment.Containers.Images == ContainerImageSource.Local)
            {
                needed.Add(new("debootstrap", "debootstrap", null, "the containers stack's locally built images", ExecutableSearch.Exists("debootstrap")));
            }
        }

        // Only a named browser can be installed: without one the specs drive Playwright's own (playwright.ps1 install chromium).
        if (plan.RunsBrowser && environment.Browser.Choose(variable ?? System.Environment.GetEnvironmentVariable).Path is { } browser)
        {
            // Debian packages Chromium's headless shell (the browser the local environment names: a third of the full browser's CPU) apart.
            var package = Path.GetFileName(browser) == "chromium-headless-shell" ? "chromium-headless-shell" : "chromium";
            needed.Add(new(package, package, null, $"the browser specs ({browser})", ExecutableSearch.Exists(browser)));
        }

        return needed;
    }
}

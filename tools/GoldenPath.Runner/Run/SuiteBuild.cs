using System.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Concurrency;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Run;

/// <summary>Builds the solution, and the containers stack's images from that build (stack/containers/build-images.sh, cached by a hash of their inputs).</summary>
internal static class SuiteBuild
{
    public static async Task<bool> SolutionAsync(string configuration, ProgressDisplay display, CancellationToken interrupted)
    {
        display.Phase($"building GoldenPath.Tests.sln ({configuration})");
        using var locks = await BuildLocks.ForBuildAsync(buildsTests: true, configuration, interrupted).ConfigureAwait(false);
        if (locks is null)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        var exit = await ChildRun.RunAsync("dotnet", ["build", "GoldenPath.Tests.sln", "-c", configuration, "-nologo", "-clp:ErrorsOnly", "-v:quiet"], display, interrupted, quiet: true).ConfigureAwait(false);
        Say.Line(exit == 0 ? $"built in {clock.Elapsed.TotalSeconds:0} s" : $"the build failed (exit {exit}): see the errors above");
        return exit == 0;
    }

    /// <summary>Builds one project (and what it references, not the tests), for commands that need part of the build only.</summary>
    public static async Task<bool> ProjectAsync(string project, string configuration, ProgressDisplay display, CancellationToken interrupted)
    {
        display.Phase($"building {Path.GetFileNameWithoutExtension(project)} ({configuration})");
        using var locks = await BuildLocks.ForBuildAsync(buildsTests: false, configuration, interrupted).ConfigureAwait(false);
        if (locks is null)
        {
            return false;
        }

        var exit = await ChildRun.RunAsync("dotnet", ["build", project, "-c", configuration, "-nologo", "-clp:ErrorsOnly", "-v:quiet"], display, interrupted, quiet: true).ConfigureAwait(false);
        if (exit != 0)
        {
            Say.Line($"the build of {project} failed (exit {exit}): see the errors above");
        }

        return exit == 0;
    }

    public static async Task<bool> ImagesAsync(ContainerImageSource images, string configuration, ProgressDisplay display, CancellationToken interrupted)
    {
        display.Phase($"the containers stack's images ({images.ToString().ToLowerInvariant()})");
        var exit = await ChildRun.RunAsync("bash", ["stack/containers/build-images.sh", "--images", images.ToString().ToLowerInvariant(), "--configuration", configuration, "--no-build"], display, interrupted).ConfigureAwait(false);
        if (exit != 0)
        {
            Say.Line($"the containers stack's images could not be built (exit {exit}): see above");
        }

        return exit == 0;
    }
}

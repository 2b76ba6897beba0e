using GoldenPath.Fixtures;

namespace GoldenPath.Runner.Concurrency;

/// <summary>
/// The locks that let several run-tests share one checkout's build. Coverlet rewrites a test project's assemblies in place
/// (bin/CONFIG/net10.0) for the length of a coverage run and restores them at its end: a test host that loads them meanwhile
/// dies (BadImageFormatException), and a build meanwhile is undone by the restore. So, per test project and configuration,
/// tests/PROJECT/obj/coverage-CONFIG.lock is a readers-writer lock: a coverage run holds it exclusively; a test run without
/// coverage and a build of the tests hold it shared, and each waits, saying for whom, while the other kind runs.
/// A lock rather than instrumenting a copy: a copy of a test project's output costs seconds and disk at every run (the E2E
/// project carries Playwright's 135 MB driver), and coverlet instruments the assemblies beside the test executable it runs in,
/// so a copy would be a second build; a lock costs nothing when runs do not overlap and says what it waits for when they do.
/// Builds also take runner-build.lock (the file run-tests.sh and run-tests.ps1 take to build the runner): two MSBuilds in
/// one project's obj/ at once break each other.
/// </summary>
internal static class BuildLocks
{
    /// <summary>Long enough for a whole-suite coverage run on a busy 2-core machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(60);

    public static string BuildMutex => Path.Combine(RepositoryLayout.Root, "tools", "GoldenPath.Runner", "obj", "runner-build.lock");

    public static string TestBuild(string project, string configuration) => Path.Combine(RepositoryLayout.Root, "tests", project, "obj", $"coverage-{configuration}.lock");

    /// <summary>For a test run of GoldenPath.PROJECT's build: exclusive when it collects coverage, shared otherwise.</summary>
    public static Task<FileLock?> ForTestRunAsync(string project, string configuration, bool coverage, CancellationToken interrupted) =>
        FileLock.TakeAsync(TestBuild(project, configuration), coverage, FileLock.Holder(coverage ? "the coverage run" : "the test run"),
            coverage ? $": {project} ({configuration}) is in use, and coverlet rewrites its assemblies in place" : $": coverlet is rewriting {project}'s assemblies ({configuration}) in place",
            Deadline, interrupted);

    /// <summary>For a build: shared on every test project's lock when it builds the tests, then the build mutex. Null when interrupted or given up (said).</summary>
    public static async Task<IDisposable?> ForBuildAsync(bool buildsTests, string configuration, CancellationToken interrupted)
    {
        var held = new Stack<FileLock>();
        var holder = FileLock.Holder("the build");
        foreach (var project in buildsTests ? Run.RunPlan.AllProjects.Select(p => "GoldenPath." + p) : [])
        {
            if (await FileLock.TakeAsync(TestBuild(project, configuration), false, holder, $": coverlet is rewriting {project}'s assemblies ({configuration}) in place, and restores them at its end", Deadline, interrupted).ConfigureAwait(false) is not { } taken)
            {
                return Release(held);
            }

            held.Push(taken);
        }

        if (await FileLock.TakeAsync(BuildMutex, true, holder, " building (two builds at once break each other)", Deadline, interrupted).ConfigureAwait(false) is not { } mutex)
        {
            return Release(held);
        }

        held.Push(mutex);
        return new Held(held);
    }

    private static IDisposable? Release(Stack<FileLock> held)
    {
        new Held(held).Dispose();
        return null;
    }

    private sealed class Held(Stack<FileLock> locks) : IDisposable
    {
        public void Dispose()
        {
            while (locks.TryPop(out var taken))
            {
                taken.Dispose();
            }
        }
    }
}

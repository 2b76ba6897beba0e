using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Concurrency;

/// <summary>
/// The folder a command writes its results to, locked for the command's life (.run-tests.lock) so no other run-tests wipes it.
/// Without --results: a folder of its own, RESULTS/runs/YYYYMMDD-HHMMSS-COMMAND-PID, RESULTS/latest pointing at it
/// (<see cref="LatestLink"/>), and all but the <see cref="Kept"/> newest such folders that no run holds removed, said.
/// With --results DIR: that folder; the default command starts it afresh (a stack's stack-up.* files stay), refused when
/// another run-tests uses it or a folder in it.
/// </summary>
internal sealed class ResultsFolder : IDisposable
{
    public const int Kept = 10;
    private const string LockName = ".run-tests.lock";
    private readonly FileLock held;

    private ResultsFolder(string path, FileLock held) => (Path, this.held) = (path, held);

    /// <summary>The folder of the command running now, for the crash report (<see cref="RunnerCrash"/>).</summary>
    public static string? Current { get; private set; }

    /// <summary>results/ in the checkout; GOLDENPATH_RESULTS_ROOT moves it (specs that run the runner use a folder of their own).</summary>
    public static string DefaultRoot => System.Environment.GetEnvironmentVariable(SuiteVariables.ResultsRoot) is { Length: > 0 } root
        ? System.IO.Path.GetFullPath(root)
        : System.IO.Path.Combine(GoldenPath.Fixtures.RepositoryLayout.Root, "results");

    public string Path { get; }

    /// <param name="command">A word for the folder's name: run, scale, slo, watch, selftest.</param>
    /// <param name="fresh">Start an explicit --results folder afresh (the default command).</param>
    public static ResultsFolder Claim(RunSettings settings, string command, bool fresh)
    {
        ResultsFolder claimed;
        try
        {
            claimed = settings.ResultsGiven ? Given(settings.Results, command, fresh) : New(settings.Results, command);
        }
        catch (UnauthorizedAccessException denied)
        {
            // A folder this user may not write (a container's volume owned by root, a read-only mount): say which and how
            // to fix it, not a stack trace.
            throw new UsageException($"results folder {settings.Results} cannot be written by user {System.Environment.UserName}: {denied.Message} Give it to this user (chown), or name another with --results");
        }

        Current = claimed.Path;
        return claimed;
    }

    public void Dispose()
    {
        Current = null;
        held.Dispose();
    }

    private static ResultsFolder New(string root, string command)
    {
        var runs = System.IO.Path.Combine(root, "runs");
        var name = $"{DateTime.Now:yyyyMMdd-HHmmss}-{command}-{System.Environment.ProcessId}";
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(runs, name)).FullName;
        var held = FileLock.TryTake(System.IO.Path.Combine(folder, LockName), exclusive: true, FileLock.Holder($"the {command}"))!;
        var latest = LatestLink.Point(root, System.IO.Path.Combine("runs", name));
        Say.Line($"results in {folder} ({latest} points there)");
        Prune(runs);
        return new ResultsFolder(folder, held);
    }

    private static ResultsFolder Given(string folder, string command, bool fresh)
    {
        if (fresh && (File.Exists(System.IO.Path.Combine(folder, "GoldenPath.Tests.sln")) || Directory.Exists(System.IO.Path.Combine(folder, ".git"))))
        {
            throw new UsageException($"--results {folder} is a source folder: a run empties its results folder first, so name one of its own (e.g. ./results)");
        }

        Directory.CreateDirectory(folder);
        var own = System.IO.Path.Combine(folder, LockName);
        var held = FileLock.TryTake(own, exclusive: true, FileLock.Holder($"the {command}"))
            ?? throw new UsageException($"--results {folder} is in use by {FileLock.Holders(own)}: wait for it to finish, or name another folder");
        if (!fresh)
        {
            return new ResultsFolder(folder, held);
        }

        foreach (var inner in Directory.EnumerateFiles(folder, LockName, SearchOption.AllDirectories).Where(f => f != own))
        {
            using var free = FileLock.TryTake(inner, exclusive: true, "a check");
            if (free is null)
            {
                held.Dispose();
                throw new UsageException($"--results {folder} holds {System.IO.Path.GetDirectoryName(inner)}, in use by {FileLock.Holders(inner)}; a run empties its results folder first: wait for it to finish, or name another folder");
            }
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => !e.Name.StartsWith("stack-up.", StringComparison.Ordinal) && !e.Name.StartsWith(LockName, StringComparison.Ordinal)))
        {
            if (entry is DirectoryInfo { LinkTarget: null } directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return new ResultsFolder(folder, held);
    }

    // The newest folders stay; an older one goes only when no run holds it (a watch may run for days).
    private static void Prune(string runs)
    {
        var removed = 0;
        foreach (var old in new DirectoryInfo(runs).EnumerateDirectories().OrderByDescending(d => d.Name, StringComparer.Ordinal).Skip(Kept))
        {
            using (var free = FileLock.TryTake(System.IO.Path.Combine(old.FullName, LockName), exclusive: true, "the pruning"))
            {
                if (free is null)
                {
                    continue;
                }
            }

            try
            {
                old.Delete(recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // a file in it is still open somewhere (Windows): the next run prunes it
            }
        }

        if (removed > 0)
        {
            Say.Line($"removed {removed} old results folder{(removed == 1 ? string.Empty : "s")} from {runs} (keeping the {Kept} newest)");
        }
    }
}

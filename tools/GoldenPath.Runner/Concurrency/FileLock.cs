using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Concurrency;

/// <summary>
/// An advisory lock on a file, shared or exclusive. .NET takes flock(2) on Unix (FileShare.None: LOCK_EX; reading with
/// sharing: LOCK_SH, the same locks flock(1) in run-tests.sh takes) and share modes on Windows; the kernel drops it when
/// the process ends, however it ends. Who holds it is written beside it (LOCK.PID: "the coverage run started at 10:31:05
/// (pid 4242)"), so a waiter can say what it waits for. The lock file is never deleted: a waiter may hold it open, and a
/// new file would be a second lock.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string note;

    private FileLock(FileStream stream, string note) => (this.stream, this.note) = (stream, note);

    /// <summary>"the test run started at 10:31:05 (pid 4242)": what a holder says it is.</summary>
    public static string Holder(string what) => $"{what} started at {DateTime.Now:HH:mm:ss} (pid {System.Environment.ProcessId})";

    /// <returns>The lock, or null when another process holds it in a mode that excludes this one.</returns>
    public static FileLock? TryTake(string path, bool exclusive, string holder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException)
        {
            return null;
        }

        var note = $"{path}.{System.Environment.ProcessId}";
        File.WriteAllText(note, holder);
        return new FileLock(stream, note);
    }

    /// <summary>Takes the lock, waiting (and saying once what for) up to <paramref name="deadline"/>.</summary>
    /// <returns>The lock; null when interrupted or when the deadline passed (said, naming the holder).</returns>
    public static async Task<FileLock?> TakeAsync(string path, bool exclusive, string holder, string why, TimeSpan deadline, CancellationToken interrupted)
    {
        if (TryTake(path, exclusive, holder) is { } taken)
        {
            return taken;
        }

        var holders = Holders(path);
        Say.Line($"waiting for {holders} to finish{why} (up to {deadline.TotalMinutes:0} min)");
        try
        {
            taken = await DeadlineWait.PollAsync(_ => Task.FromResult(TryTake(path, exclusive, holder)), deadline, interrupted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            return null;
        }

        if (taken is null && !interrupted.IsCancellationRequested)
        {
            Say.Line($"gave up after {deadline.TotalMinutes:0} min waiting for {Holders(path)} ({path}): let it finish or stop it, then run again");
        }

        return taken;
    }

    /// <summary>Who holds the lock, as they said: "the coverage run started at 10:31:05 (pid 4242)"; stale notes are removed.</summary>
    public static string Holders(string path)
    {
        var said = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*"))
        {
            if (!int.TryParse(Path.GetExtension(file).TrimStart('.'), out var pid) || pid == System.Environment.ProcessId)
            {
                continue;
            }

            if (ProcessLiveness.IsAlive(pid) && ReadOrNull(file) is { Length: > 0 } text)
            {
                said.Add(text);
            }
            else
            {
                DeleteQuietly(file);
            }
        }

        return said.Count > 0 ? string.Join(" and ", said) : "another run-tests";
    }

    public void Dispose()
    {
        DeleteQuietly(note);
        stream.Dispose();
    }

    private static string? ReadOrNull(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // another waiter removed it first, or it is still being written: a note, not the lock
        }
    }
}

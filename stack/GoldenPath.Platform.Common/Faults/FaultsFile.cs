namespace GoldenPath.Platform.Common.Faults;

/// <summary>
/// Faults switched on and off while a service runs (GOLDENPATH_FAULTS_FILE): the names in a file, comma or newline
/// separated, read again when its last-write time or length changes, looked at no more often than every
/// <paramref name="recheckEvery"/> (default 200 ms). A missing file means no faults. An unknown name is reported
/// through <paramref name="log"/> and ignored: a typo in the file must not take a running service down.
/// </summary>
public sealed class FaultsFile(string path, Action<string> log, TimeSpan? recheckEvery = null)
{
    private static readonly Snapshot Missing = new(null, new HashSet<string>());

    private readonly long recheckMs = (long)(recheckEvery ?? TimeSpan.FromMilliseconds(200)).TotalMilliseconds;
    private readonly Lock gate = new();
    private Snapshot current = Missing;
    private long nextCheck;

    public string Path => path;

    /// <summary>The faults the file switches on now.</summary>
    public IReadOnlySet<string> Active => Current().Faults;

    public bool IsOn(string fault) => Current().Faults.Contains(fault);

    private Snapshot Current()
    {
        // Every request asks: between checks this is one clock read.
        if (Environment.TickCount64 < Volatile.Read(ref nextCheck))
        {
            return Volatile.Read(ref current);
        }

        lock (gate)
        {
            if (Environment.TickCount64 >= nextCheck)
            {
                Volatile.Write(ref current, Read(current));
                Volatile.Write(ref nextCheck, Environment.TickCount64 + recheckMs);
            }

            return current;
        }
    }

    private Snapshot Read(Snapshot previous)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return Changed(previous, Missing);
        }

        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (stamp == previous.Stamp)
        {
            return previous;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"faults file {path}: cannot read it ({e.Message}); keeping the faults read before");
            return previous; // its old stamp makes the next check try again
        }

        var names = FaultSwitches.Names(text);
        var unknown = names.Where(n => !FaultSwitches.Known.Contains(n)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            log($"faults file {path}: ignored unknown faults ({string.Join(", ", unknown)}); known: {string.Join(", ", FaultSwitches.Known.Order(StringComparer.Ordinal))}");
        }

        names.ExceptWith(unknown);
        return Changed(previous, new Snapshot(stamp, names));
    }

    private Snapshot Changed(Snapshot previous, Snapshot next)
    {
        if (!next.Faults.SetEquals(previous.Faults))
        {
            log($"faults file {path}: " + (next.Faults.Count == 0 ? "no fault on" : $"on: {string.Join(", ", next.Faults.Order(StringComparer.Ordinal))}"));
        }

        return next;
    }

    private sealed record Snapshot((DateTime, long)? Stamp, HashSet<string> Faults);
}

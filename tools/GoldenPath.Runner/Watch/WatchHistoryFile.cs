using System.Text;
using System.Text.Json;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.Runner.Watch;

/// <summary>The watch's history: one <see cref="WatchTick"/> a line (JSON lines), appended and flushed each tick, never rewritten.</summary>
internal sealed class WatchHistoryFile(string path)
{
    // SloReport.Json indents; a JSON line must not.
    private static readonly JsonSerializerOptions Line = new(SloReport.Json) { WriteIndented = false };

    public string Path => path;

    /// <summary>Appends <paramref name="tick"/>; a file that cannot be written is reported on <paramref name="log"/> and the watch goes on.</summary>
    public void Append(WatchTick tick, TextWriter log)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            file.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(tick, Line) + "\n"));
            file.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"watch: could not append tick {tick.Tick} to {path}: {e.Message}");
        }
    }
}

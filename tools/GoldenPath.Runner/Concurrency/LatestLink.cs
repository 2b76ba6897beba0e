using System.Runtime.InteropServices;

namespace GoldenPath.Runner.Concurrency;

/// <summary>
/// RESULTS/latest: a symbolic link to the newest run's folder, replaced by rename(2) so a reader never finds it missing.
/// Where links cannot be made (Windows without developer mode) RESULTS/latest.txt holds the folder's path instead.
/// </summary>
internal static partial class LatestLink
{
    /// <returns>The link (or latest.txt) now pointing at <paramref name="relative"/>.</returns>
    public static string Point(string root, string relative)
    {
        var link = Path.Combine(root, "latest");
        if (!OperatingSystem.IsWindows())
        {
            var staged = $"{link}.{System.Environment.ProcessId}";
            try
            {
                File.Delete(staged);
                Directory.CreateSymbolicLink(staged, relative);
                if (Rename(staged, link) == 0)
                {
                    return link;
                }
            }
            catch (IOException)
            {
                // fall back to the text file below
            }

            File.Delete(staged);
        }

        var text = link + ".txt";
        File.WriteAllText($"{text}.{System.Environment.ProcessId}", Path.Combine(root, relative) + System.Environment.NewLine);
        File.Move($"{text}.{System.Environment.ProcessId}", text, overwrite: true);
        return text;
    }

    // File.Move refuses a link to a directory, and Directory.Move an existing destination: rename(2) replaces the link itself.
    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string from, string to);
}

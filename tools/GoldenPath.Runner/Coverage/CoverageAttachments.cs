namespace GoldenPath.Runner.Coverage;

/// <summary>
/// After a test project's coverage run: coverlet's file, which it writes to the results folder as
/// PROJECT.coverage.cobertura.TIMESTAMP.xml, goes to coverage/raw/ under a name that says which project and run it is.
/// The merged report (<see cref="CoverageReport"/>) reads coverage/raw.
/// </summary>
internal static class CoverageAttachments
{
    /// <summary>Where the raw files of the run in <paramref name="results"/> are kept.</summary>
    public static string RawDirectory(string results) => Path.Combine(CoverageReport.Folder(results), "raw");

    /// <summary>Moves the coverage file(s) the run of <paramref name="project"/> just left in <paramref name="folder"/> to <paramref name="rawFile"/>; the files moved (none: coverlet wrote none).</summary>
    public static IReadOnlyList<string> Collect(string folder, string project, string rawFile)
    {
        var moved = new List<string>();
        var written = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, $"{project}.coverage.cobertura*.xml").OrderBy(File.GetLastWriteTimeUtc).ToArray()
            : [];
        foreach (var file in written)
        {
            // One run writes one file; should there be a second, it keeps its own name beside the first.
            var target = moved.Count == 0 ? rawFile : Path.Combine(Path.GetDirectoryName(rawFile)!, $"{Path.GetFileName(rawFile).Replace(".cobertura.xml", string.Empty, StringComparison.Ordinal)}-{moved.Count + 1}.cobertura.xml");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
            moved.Add(target);
        }

        return moved;
    }
}

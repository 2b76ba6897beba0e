using System.Xml.Linq;

namespace GoldenPath.Runner.Coverage;

/// <summary>
/// After a test project's coverage run: its coverlet file, which dotnet test leaves in a GUID folder at the results' top
/// level (and the TRX logger copies into its own _HOST_DATE/In/HOST folder), goes to coverage/raw/ under a name that
/// says which project it is; both folders go. The merged report (<see cref="CoverageReport"/>) reads coverage/raw.
/// </summary>
internal static class CoverageAttachments
{
    public const string FileName = "coverage.cobertura.xml";

    /// <summary>Where the raw files of the run in <paramref name="results"/> are kept.</summary>
    public static string RawDirectory(string results) => Path.Combine(CoverageReport.Folder(results), "raw");

    /// <summary>Moves the coverage file(s) of the run just finished in <paramref name="folder"/> to <paramref name="rawFile"/>; the files moved (none: the collector wrote none).</summary>
    /// <param name="trx">The project's TRX file: it names the logger's deployment folder, where its copies are.</param>
    public static IReadOnlyList<string> Collect(string folder, string trx, string rawFile)
    {
        var moved = new List<string>();
        var attachments = Directory.EnumerateDirectories(folder)
            .Where(d => Guid.TryParse(Path.GetFileName(d), out _) && File.Exists(Path.Combine(d, FileName)))
            .OrderBy(d => Directory.GetLastWriteTimeUtc(d))
            .ToArray();
        foreach (var directory in attachments)
        {
            // One dotnet test writes one file; a second (a collector restarted with the host) keeps its own name beside it.
            var target = moved.Count == 0 ? rawFile : Path.Combine(Path.GetDirectoryName(rawFile)!, $"{Path.GetFileName(rawFile).Replace(".cobertura.xml", string.Empty, StringComparison.Ordinal)}-{moved.Count + 1}.cobertura.xml");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(directory, FileName), target, overwrite: true);
            RemoveIfEmpty(directory);
            moved.Add(target);
        }

        if (DeploymentRoot(folder, trx) is { } copies)
        {
            foreach (var copy in Directory.EnumerateFiles(copies, FileName, SearchOption.AllDirectories).ToArray())
            {
                File.Delete(copy);
            }

            RemoveEmptyTree(copies);
        }

        return moved;
    }

    // <Deployment runDeploymentRoot="_vm_2026-12-07_05_37_23" /> in the TRX: the folder beside it holding the logger's copies.
    private static string? DeploymentRoot(string folder, string trx)
    {
        if (!File.Exists(trx))
        {
            return null;
        }

        var name = XDocument.Load(trx).Descendants().FirstOrDefault(e => e.Name.LocalName == "Deployment")?.Attribute("runDeploymentRoot")?.Value;
        var path = name is { Length: > 0 } && name == Path.GetFileName(name) ? Path.Combine(folder, name) : null;
        return path is not null && Directory.Exists(path) ? path : null;
    }

    // Empty folders go, deepest first; a folder that still holds something else (another collector's file) stays.
    private static void RemoveEmptyTree(string directory)
    {
        foreach (var child in Directory.EnumerateDirectories(directory).ToArray())
        {
            RemoveEmptyTree(child);
        }

        RemoveIfEmpty(directory);
    }

    private static void RemoveIfEmpty(string directory)
    {
        if (!Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }
}

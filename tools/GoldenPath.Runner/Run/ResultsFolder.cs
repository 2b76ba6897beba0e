using GoldenPath.Runner.Cli;

namespace GoldenPath.Runner.Run;

/// <summary>A fresh results folder per run (TRX, JUnit, coverage, browser artifacts, reports); a running stack's state stays.</summary>
internal static class ResultsFolder
{
    public static void Prepare(string folder)
    {
        Directory.CreateDirectory(folder);
        if (File.Exists(Path.Combine(folder, "GoldenPath.Tests.sln")) || Directory.Exists(Path.Combine(folder, ".git")))
        {
            throw new UsageException($"--results {folder} is a source folder: a run empties its results folder first, so name one of its own (e.g. ./results)");
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => !e.Name.StartsWith("stack-up.", StringComparison.Ordinal)))
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    public static string? Read(string folder, string file) =>
        File.Exists(Path.Combine(folder, file)) ? File.ReadAllText(Path.Combine(folder, file)) : null;
}

namespace GoldenPath.Runner.Setup;

/// <summary>Whether a program can be started: a path that exists, or a name found on PATH (with Windows' extensions).</summary>
internal static class ExecutableSearch
{
    public static bool Exists(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(program);
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", string.Empty } : [string.Empty];
        return (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => extensions.Any(extension => File.Exists(Path.Combine(folder, program + extension))));
    }
}

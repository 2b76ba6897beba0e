using GoldenPath.Fixtures.Stack;

namespace GoldenPath.Runner.Setup;

/// <summary>What this machine offers for installing packages.</summary>
internal sealed record HostFacts(string Os, bool HasAptGet, bool IsRoot, bool HasPasswordlessSudo, bool HasBrew)
{
    public static async Task<HostFacts> DetectAsync()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsWindows() ? "windows" : "other";
        var apt = os == "linux" && ExecutableSearch.Exists("apt-get");
        var root = !OperatingSystem.IsWindows() && HostCommand.RunningAsRoot;
        var sudo = apt && !root && ExecutableSearch.Exists("sudo") &&
                   (await HostCommand.RunAsync("sudo", ["-n", "true"], TimeSpan.FromSeconds(5)).ConfigureAwait(false)).Succeeded;
        return new HostFacts(os, apt, root, sudo, os == "macos" && ExecutableSearch.Exists("brew"));
    }
}

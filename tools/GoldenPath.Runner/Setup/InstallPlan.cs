namespace GoldenPath.Runner.Setup;

/// <summary>
/// How to install missing prerequisites here: the commands to run (none when this machine cannot, with why), and the
/// one command to give a person who installs them by hand.
/// </summary>
internal sealed record InstallPlan(IReadOnlyList<string[]> Commands, string ManualCommand, string? CannotBecause)
{
    public static InstallPlan For(HostFacts host, IReadOnlyList<Prerequisite> missing)
    {
        if (host.HasAptGet)
        {
            var packages = missing.Select(p => p.AptPackage).Distinct().ToArray();
            var sudo = host.IsRoot ? Array.Empty<string>() : ["sudo", "-n"];
            var manual = $"{(host.IsRoot ? string.Empty : "sudo ")}apt-get install -y --no-install-recommends {string.Join(' ', packages)}";
            return host.IsRoot || host.HasPasswordlessSudo
                ? new InstallPlan([[.. sudo, "apt-get", "update", "-qq"], [.. sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", .. packages]], manual, null)
                : new InstallPlan([], manual, "not root, and sudo asks for a password");
        }

        if (host.Os == "macos")
        {
            var formulae = missing.Where(p => p.BrewFormula is not null).Select(p => p.BrewFormula!).Distinct().ToArray();
            var unbrewed = missing.Where(p => p.BrewFormula is null).Select(p => p.Name).ToArray();
            var manual = formulae.Length > 0 ? $"brew install {string.Join(' ', formulae)}" : string.Empty;
            var why = unbrewed.Length > 0 ? $"Homebrew has no formula for {string.Join(", ", unbrewed)}: {ByHand(unbrewed)}" : null;
            return host.HasBrew && formulae.Length > 0
                ? new InstallPlan([["brew", "install", .. formulae]], manual, why)
                : new InstallPlan([], manual, host.HasBrew ? why : "Homebrew (https://brew.sh) is not installed");
        }

        var names = missing.Select(p => p.Name).ToArray();
        return new InstallPlan([], ByHand(names), host.Os == "windows"
            ? "nothing installs packages here; on Windows run the containers stack with Docker Desktop (--stack containers, or auto)"
            : "no apt-get or Homebrew here");
    }

    private static string ByHand(IEnumerable<string> names) =>
        $"install {string.Join(", ", names)} with the system's package manager" +
        (names.Any(n => n.StartsWith("chromium", StringComparison.Ordinal)) ? ", or set GOLDENPATH_BROWSER_PATH to a Chromium (or drop browser.executablePath to use Playwright's own: playwright.ps1 install chromium)" : string.Empty);
}

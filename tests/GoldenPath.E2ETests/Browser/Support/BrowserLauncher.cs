using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// Launches the browser <see cref="BrowserSettings"/> chooses: GOLDENPATH_BROWSER_PATH, else the environment
/// file's browser.executablePath (Debian's chromium here), else Playwright's own installed browser.
/// </summary>
internal static class BrowserLauncher
{
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The running browser and one line saying which it is; or a <see cref="BrowserUnavailableException"/> with the fix.</summary>
    public static async Task<(IBrowser Browser, string Description)> LaunchAsync(IPlaywright playwright, BrowserSettings settings)
    {
        var choice = settings.Choose(Environment.GetEnvironmentVariable);
        if (choice.Path is { } path && !File.Exists(path))
        {
            if (choice.Source == BrowserSettings.PathVariable)
            {
                throw new BrowserUnavailableException(NotFound(path, choice.Source));
            }

            // The environment file names this kind of machine's browser; where it is absent, Playwright's own install will do.
            try
            {
                var own = await LaunchAsync(playwright, settings, executablePath: null).ConfigureAwait(false);
                return (own, $"Playwright's own chromium {own.Version} ({path}, named by {choice.Source}, is not there)");
            }
            catch (PlaywrightException e)
            {
                throw new BrowserUnavailableException(NotFound(path, choice.Source + ", and Playwright has no browser of its own installed"), e);
            }
        }

        try
        {
            var browser = await LaunchAsync(playwright, settings, choice.Path).ConfigureAwait(false);
            return (browser, $"chromium {browser.Version} at {choice.Path ?? "Playwright's install"} (from {choice.Source})");
        }
        catch (PlaywrightException e)
        {
            throw new BrowserUnavailableException(
                $"no browser: {choice.Path ?? "Playwright's own chromium"} (from {choice.Source}) did not start: {FirstLine(e.Message)}; {Fix}", e);
        }
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, BrowserSettings settings, string? executablePath) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = settings.Headless,
            Args = settings.EffectiveLaunchArgs,
            Timeout = (float)LaunchTimeout.TotalMilliseconds,
        });

    private static string NotFound(string path, string source) => $"no browser: {path} not found (named by {source}); {Fix}";

    private static string Fix =>
        $"apt-get install chromium, or set {BrowserSettings.PathVariable}, or run `pwsh {InstallScript} install chromium` where downloads work";

    private static string InstallScript =>
        Path.GetRelativePath(RepositoryLayout.Root, Path.Combine(AppContext.BaseDirectory, "playwright.ps1"));

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
}

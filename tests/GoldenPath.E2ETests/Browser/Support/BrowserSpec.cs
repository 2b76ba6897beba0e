using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// The frame of one browser spec: fresh contexts from the assembly's browser (<see cref="OpenAsync"/>), and when
/// the body fails, each context's screenshot, trace and console log saved under the results folder, their paths
/// appended to the failure. The failure is always rethrown; the contexts are always closed.
/// </summary>
public sealed class BrowserSpec
{
    private readonly BrowserFixture browsers;
    private readonly Func<BrowserSettings> settings;
    private readonly PlatformFixture? platform;
    private readonly object gate = new();
    private readonly List<BrowserSession> sessions = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan waitedForBrowser;

    private BrowserSpec(BrowserFixture browsers, Func<BrowserSettings> settings, PlatformFixture? platform, string name)
    {
        this.browsers = browsers;
        this.settings = settings;
        this.platform = platform;
        Name = name;
    }

    /// <summary>Class and method of the running test: the artifacts' folder name.</summary>
    public string Name { get; }

    /// <summary>How long the spec has run, less the time it waited for the browser to start.</summary>
    public TimeSpan ElapsedAfterBrowserStart => clock.Elapsed - waitedForBrowser;

    // The settings are read when a page opens: a platform whose environment did not load fails there, with its diagnosis.
    public static Task RunAsync(BrowserFixture browsers, PlatformFixture platform, Func<BrowserSpec, Task> body) =>
        RunAsync(new BrowserSpec(browsers, () => platform.Environment.Browser, platform, CurrentTestName()), body);

    /// <summary>A spec that talks to no platform (it opens pages of its own): the browser alone, with <paramref name="settings"/>.</summary>
    public static Task RunAsync(BrowserFixture browsers, BrowserSettings settings, Func<BrowserSpec, Task> body) =>
        RunAsync(new BrowserSpec(browsers, () => settings, null, CurrentTestName()), body);

    private static async Task RunAsync(BrowserSpec spec, Func<BrowserSpec, Task> body)
    {
        try
        {
            await body(spec).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var artifacts = await spec.SaveArtifactsAsync().ConfigureAwait(false);
            throw new GoldenPathException($"{e.Message}{Environment.NewLine}{artifacts}", e);
        }
        finally
        {
            foreach (var session in spec.sessions)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A fresh context and page for one participant (starts the browser on first use), as the chat page's object.</summary>
    public async Task<ChatPage> OpenAsync(string label)
    {
        var environment = (platform ?? throw new InvalidOperationException("this spec runs without a platform: open a page with OpenPageAsync")).Environment;
        return new ChatPage(await StartSessionAsync(label).ConfigureAwait(false), environment);
    }

    /// <summary>A fresh context and its page, for a spec that drives a page other than the chat page.</summary>
    public async Task<IPage> OpenPageAsync(string label) => (await StartSessionAsync(label).ConfigureAwait(false)).Page;

    private async Task<BrowserSession> StartSessionAsync(string label)
    {
        var browserSettings = settings();
        var waiting = Stopwatch.StartNew();
        var browser = await browsers.BrowserAsync(browserSettings).ConfigureAwait(false);
        var waited = waiting.Elapsed;
        var session = await BrowserSession.StartAsync(browser, label, browserSettings).ConfigureAwait(false);
        lock (gate)
        {
            waitedForBrowser += waited;
            sessions.Add(session);
        }

        return session;
    }

    private async Task<string> SaveArtifactsAsync()
    {
        if (sessions.Count == 0)
        {
            return "browser artifacts: none (no page was open when the spec failed)";
        }

        var folder = ArtifactFolder.For(Name);
        var lines = new List<string>();
        foreach (var session in sessions)
        {
            lines.AddRange(await session.SaveArtifactsAsync(folder).ConfigureAwait(false));
        }

        return $"browser artifacts (open a trace with `pwsh playwright.ps1 show-trace <zip>`):{Environment.NewLine}  " +
               string.Join(Environment.NewLine + "  ", lines);
    }

    private static string CurrentTestName()
    {
        var test = TestContext.Current;
        var type = test.TestClass?.TestClassName.Split('.').Last();
        var method = test.TestMethod?.MethodName;
        return type is null || method is null ? $"browser-spec-{Guid.NewGuid():N}" : $"{type}.{method}";
    }
}

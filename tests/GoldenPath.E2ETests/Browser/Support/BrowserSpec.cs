using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Lifetime;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// The frame of one browser spec: fresh contexts from the assembly's browser (<see cref="OpenAsync"/>), and when
/// the body fails, each context's screenshot, trace and console log saved under the results folder, their paths
/// appended to the failure. The failure is always rethrown; the contexts are always closed.
/// </summary>
public sealed class BrowserSpec
{
    private readonly BrowserFixture browsers;
    private readonly PlatformFixture platform;
    private readonly object gate = new();
    private readonly List<BrowserSession> sessions = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan waitedForBrowser;

    private BrowserSpec(BrowserFixture browsers, PlatformFixture platform, string name)
    {
        this.browsers = browsers;
        this.platform = platform;
        Name = name;
    }

    /// <summary>Class and method of the running test: the artifacts' folder name.</summary>
    public string Name { get; }

    /// <summary>How long the spec has run, less the time it waited for the browser to start.</summary>
    public TimeSpan ElapsedAfterBrowserStart => clock.Elapsed - waitedForBrowser;

    public static async Task RunAsync(BrowserFixture browsers, PlatformFixture platform, Func<BrowserSpec, Task> body)
    {
        var spec = new BrowserSpec(browsers, platform, CurrentTestName());
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
        var settings = platform.Environment.Browser;
        var waiting = Stopwatch.StartNew();
        var browser = await browsers.BrowserAsync(settings).ConfigureAwait(false);
        var waited = waiting.Elapsed;
        var session = await BrowserSession.StartAsync(browser, label, settings).ConfigureAwait(false);
        lock (gate)
        {
            waitedForBrowser += waited;
            sessions.Add(session);
        }

        return new ChatPage(session, platform.Environment);
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

using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>One participant of a browser spec: a fresh context with one page, traced, its console and WebSockets captured.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly TimeSpan ArtifactTimeout = TimeSpan.FromSeconds(15);

    private BrowserSession(string label, IBrowserContext context, IPage page)
    {
        Label = label;
        Context = context;
        Page = page;
        Console = new PageConsoleLog(page);
        Sockets = new PageSocketCapture(page, label);
    }

    public string Label { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public PageConsoleLog Console { get; }

    public PageSocketCapture Sockets { get; }

    public static async Task<BrowserSession> StartAsync(IBrowser browser, string label, BrowserSettings settings)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } }).ConfigureAwait(false);
        try
        {
            var timeout = (float)settings.ActionTimeout.TotalMilliseconds;
            context.SetDefaultTimeout(timeout);
            context.SetDefaultNavigationTimeout(timeout);
            // DOM snapshots, no screencast: the screencast costs a 2-core machine seconds per spec; a failure takes its own screenshot.
            await context.Tracing.StartAsync(new TracingStartOptions { Title = label, Screenshots = false, Snapshots = true }).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            return new BrowserSession(label, context, page);
        }
        catch
        {
            await context.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Saves a screenshot, the trace and the console log into <paramref name="folder"/>; one line per artifact, saying where or why not.</summary>
    public async Task<IReadOnlyList<string>> SaveArtifactsAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, $"{Label}.png");
        var trace = Path.Combine(folder, $"{Label}.trace.zip");
        var console = Path.Combine(folder, $"{Label}.console.txt");
        return
        [
            await SaveAsync("screenshot", screenshot, () => Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true })).ConfigureAwait(false),
            await SaveAsync("trace", trace, () => Context.Tracing.StopAsync(new TracingStopOptions { Path = trace })).ConfigureAwait(false),
            await SaveAsync("console", console, () => File.WriteAllTextAsync(console, Console.Text)).ConfigureAwait(false),
        ];
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync().ConfigureAwait(false);

    // An artifact that cannot be saved must not hide the spec's own failure: say why, go on.
    private async Task<string> SaveAsync(string what, string path, Func<Task> save)
    {
        try
        {
            var saving = save();
            if (!await DeadlineWait.ForTaskAsync(saving, ArtifactTimeout).ConfigureAwait(false))
            {
                return $"{Label} {what}: not saved within {ArtifactTimeout.TotalSeconds:0} s";
            }

            await saving.ConfigureAwait(false);
            return $"{Label} {what}: {path}";
        }
        catch (Exception e) when (e is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            return $"{Label} {what}: not saved ({e.GetType().Name}: {e.Message.Split('\n')[0]})";
        }
    }
}

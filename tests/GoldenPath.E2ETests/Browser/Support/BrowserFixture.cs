using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using Microsoft.Playwright;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// One browser for the whole test assembly (registered in AssemblyInfo.cs), started by the first browser
/// spec that asks for it, so a run without browser specs starts none. Each spec gets fresh contexts from it
/// (<see cref="BrowserSpec"/>). A browser that cannot start is not a skip: every browser spec fails with the diagnosis.
/// When the runner knows browser specs are selected (GOLDENPATH_BROWSER_PREWARM=1), the browser starts at once,
/// alongside the stack, and the first browser spec finds it running or waits for the same start.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string PrewarmVariable = SuiteVariables.BrowserPrewarm;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string? failure;
    private Task? prewarm;

    /// <summary>From the first request to a running browser (driver start and launch).</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task<IBrowser> BrowserAsync(BrowserSettings settings)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (browser is not null)
            {
                return browser;
            }

            if (failure is not null)
            {
                throw new BrowserUnavailableException(failure);
            }

            return await StartAsync(settings).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask InitializeAsync()
    {
        if (System.Environment.GetEnvironmentVariable(PrewarmVariable) == "1")
        {
            // Not awaited: the start runs beside the platform's; a failure is kept and given to every browser spec.
            prewarm = Task.Run(async () =>
            {
                try
                {
                    await BrowserAsync(EnvironmentLoader.Load().Browser).ConfigureAwait(false);
                }
                catch (Exception e) when (e is BrowserUnavailableException or EnvironmentConfigurationException)
                {
                    RunReport.Append($"browser: the early start failed; each browser spec reports it: {e.Message}");
                }
            });
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (prewarm is not null)
        {
            await DeadlineWait.ForTaskAsync(prewarm, CloseTimeout).ConfigureAwait(false);
        }

        if (browser is not null)
        {
            await DeadlineWait.ForTaskAsync(browser.CloseAsync(), CloseTimeout).ConfigureAwait(false);
        }

        playwright?.Dispose(); // stops the driver, which kills a browser that did not close
        gate.Dispose();
    }

    private async Task<IBrowser> StartAsync(BrowserSettings settings)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            playwright = await Playwright.CreateAsync().ConfigureAwait(false);
            var (started, description) = await BrowserLauncher.LaunchAsync(playwright, settings).ConfigureAwait(false);
            browser = started;
            StartupTime = clock.Elapsed;
            RunReport.Append($"browser: {description}, started in {StartupTime.TotalSeconds:0.00} s (one browser for the test assembly, a fresh context per spec)");
            return started;
        }
        catch (Exception e)
        {
            failure = e is BrowserUnavailableException ? e.Message : $"no browser: Playwright's driver did not start: {e.Message}";
            playwright?.Dispose();
            playwright = null;
            RunReport.Append($"browser: {failure}");
            throw e as BrowserUnavailableException ?? new BrowserUnavailableException(failure, e);
        }
    }
}

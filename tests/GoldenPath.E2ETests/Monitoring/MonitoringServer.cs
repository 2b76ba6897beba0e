using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.E2ETests.Monitoring;

/// <summary>
/// A real Prometheus or Alertmanager of the spec's own, on a free loopback port, its data in the run directory (so the run's
/// watchdog stops it even when the test process dies), ready when its /-/ready answers 200. A missing binary is a failure
/// naming the package that brings it, never a skip.
/// </summary>
internal sealed class MonitoringServer : IDisposable
{
    private readonly ChildProcess process;

    private MonitoringServer(ChildProcess process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="arguments">Its command line, given the port it is to listen on.</param>
    public static async Task<MonitoringServer> StartAsync(RunDirectory run, string executable, string aptPackage, Func<int, IEnumerable<string>> arguments, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            ChildProcess process;
            try
            {
                process = ChildProcess.Start(run, executable, executable, arguments(port));
            }
            catch (StackStartException e)
            {
                throw new GoldenPathException($"{executable} could not be started (not installed, or not on PATH): the monitoring spec runs a real one. " +
                                              $"Install it: sudo apt-get install {aptPackage} (./run-tests.sh setup --layer e2e installs it)", e);
            }

            var url = new Uri($"http://127.0.0.1:{port}/");
            if (await DeadlineWait.PollAsync(ct => ReadyAsync(url, ct), timeout) is not null)
            {
                return new MonitoringServer(process, url);
            }

            var lines = process.LastLines;
            process.Dispose();
            if (attempt == 3 || !lines.Any(l => l.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
            {
                throw new GoldenPathException($"{executable} did not answer {url}-/ready within {timeout.TotalSeconds:0} s; its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
            }
        }
    }

    public void Dispose() => process.Dispose();

    private static async Task<string?> ReadyAsync(Uri url, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var answer = await http.GetAsync(new Uri(url, "-/ready"), cancel);
            return answer.IsSuccessStatusCode ? "ready" : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }
}

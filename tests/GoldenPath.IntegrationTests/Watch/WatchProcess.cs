using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Fixtures.Stack;

using GoldenPath.IntegrationTests.Slo;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.IntegrationTests.Watch;

/// <summary>
/// <c>run-tests watch</c> as a child process (the built runner), watching <paramref name="endpoints"/> as the staging
/// environment: its output kept for failure messages, its history read from the results folder. (Compiled into the E2E
/// monitoring spec too: GoldenPath.E2ETests.csproj links it.)
/// </summary>
public sealed class WatchProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WatchProcess(Process process, string history)
    {
        this.process = process;
        HistoryPath = history;
    }

    public string HistoryPath { get; }

    public string Output => string.Join(Environment.NewLine, output);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int Id => process.Id;

    /// <param name="webhook">Its --alert-webhook; none: alerts printed only.</param>
    /// <param name="more">More of watch's options, e.g. --metrics-listen.</param>
    public static WatchProcess Start(StackEndpoints endpoints, Uri? webhook, string results, double intervalSeconds, IEnumerable<string>? more = null)
    {
        var start = RunnerChild.StartInfo(
            new[] { "watch", "--env", "staging", "--interval", intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--journeys-per-tick", "1", "--results", results, "--no-build", "--no-install" }
                .Concat(webhook is null ? [] : ["--alert-webhook", webhook.ToString()]).Concat(more ?? []),
            endpoints);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        var watch = new WatchProcess(Process.Start(start)!, Path.Combine(results, "watch-history.jsonl"));
        watch.process.OutputDataReceived += (_, e) => watch.output.Enqueue(e.Data ?? string.Empty);
        watch.process.ErrorDataReceived += (_, e) => watch.output.Enqueue(e.Data ?? string.Empty);
        watch.process.BeginOutputReadLine();
        watch.process.BeginErrorReadLine();
        return watch;
    }

    /// <summary>The ticks written so far (a line still being written is left for the next read).</summary>
    public IReadOnlyList<WatchTick> History()
    {
        if (!File.Exists(HistoryPath))
        {
            return [];
        }

        using var stream = new FileStream(HistoryPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var ticks = new List<WatchTick>();
        while (reader.ReadLine() is { } line)
        {
            try
            {
                ticks.Add(JsonSerializer.Deserialize<WatchTick>(line, SloReport.Json)!);
            }
            catch (JsonException)
            {
                break;
            }
        }

        return ticks;
    }

    public Task<HostCommand.Result> TerminateAsync() => HostCommand.RunAsync("kill", ["-TERM", process.Id.ToString()], TimeSpan.FromSeconds(5));

    public Task WaitForExitAsync() => process.WaitForExitAsync();

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

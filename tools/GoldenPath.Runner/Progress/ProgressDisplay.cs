using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.Runner.Progress;

/// <summary>
/// What the person running the suite sees while it runs: the output of the build and the test runs, the current step (the
/// runner's phase, then the stack's steps from the run's progress.log) and the specs passed and failed so far.
/// On a terminal a live status line (<see cref="LiveDisplay"/>); elsewhere, in CI, timestamped lines (<see cref="PlainDisplay"/>).
/// </summary>
internal abstract class ProgressDisplay
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private string? progressFile;
    private long progressRead;

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    protected string CurrentStep { get; private set; } = "starting";

    protected TimeSpan Elapsed => clock.Elapsed;

    public static ProgressDisplay ForThisConsole() =>
        !Console.IsOutputRedirected && System.Environment.GetEnvironmentVariable("CI") is not { Length: > 0 } && System.Environment.GetEnvironmentVariable("TERM") != "dumb"
            ? new LiveDisplay()
            : new PlainDisplay();

    public string Summary => $"{Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : string.Empty);

    /// <summary>A new phase of the runner (building, running a project); the stack's own steps follow from <paramref name="stepsFile"/>.</summary>
    public void Phase(string text, string? stepsFile = null)
    {
        if (stepsFile is not null)
        {
            progressFile = stepsFile;
            progressRead = 0;
        }

        Step(text);
    }

    /// <summary>A line of a child's output: printed as is, and counted when it reports a test's outcome.</summary>
    public void Output(string line)
    {
        switch (TestOutcomeLine.Outcome(line))
        {
            case "Passed": Passed++; break;
            case "Failed": Failed++; break;
            case "Skipped": Skipped++; break;
        }

        Print(SecretMasker.Apply(line));
    }

    public abstract void Print(string line);

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        Say.Display = this;
        try
        {
            return await RunLiveAsync(work).ConfigureAwait(false);
        }
        finally
        {
            Say.Display = null;
            Flush();
        }
    }

    protected abstract Task<T> RunLiveAsync<T>(Func<Task<T>> work);

    protected virtual void Step(string text) => CurrentStep = text;

    protected virtual void Flush()
    {
    }

    /// <summary>Runs <paramref name="work"/>, calling <paramref name="onTick"/> every tick until it ends (the display's loop, not a test wait).</summary>
    protected async Task<T> LoopAsync<T>(Func<Task<T>> work, Action onTick)
    {
        var running = work();
        using var timer = new PeriodicTimer(Tick);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, timer.WaitForNextTickAsync().AsTask()).ConfigureAwait(false);
            ReadSteps();
            onTick();
        }

        ReadSteps();
        onTick();
        return await running.ConfigureAwait(false);
    }

    private void ReadSteps()
    {
        if (progressFile is null || !File.Exists(progressFile))
        {
            return;
        }

        using var stream = new FileStream(progressFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length <= progressRead)
        {
            return;
        }

        stream.Seek(progressRead, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text.LastIndexOf('\n');
        if (complete < 0)
        {
            return;
        }

        progressRead += System.Text.Encoding.UTF8.GetByteCount(text[..(complete + 1)]);
        foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Step(line);
        }
    }
}

namespace GoldenPath.Runner.Progress;

/// <summary>For CI logs and pipes: output as it comes, each step as a timestamped line, and every 30 s a line with the counts so far.</summary>
internal sealed class PlainDisplay : ProgressDisplay
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private readonly object gate = new();
    private TimeSpan lastHeartbeat;

    public override void Print(string line)
    {
        lock (gate)
        {
            Console.WriteLine(line);
        }
    }

    protected override Task<T> RunLiveAsync<T>(Func<Task<T>> work) => LoopAsync(work, () =>
    {
        if (Elapsed - lastHeartbeat >= Heartbeat)
        {
            lastHeartbeat = Elapsed;
            Print($"[{Elapsed:mm\\:ss}] {Say.Prefix}{CurrentStep}: {Summary} so far");
        }
    });

    protected override void Step(string text)
    {
        base.Step(text);
        Print($"[{Elapsed:mm\\:ss}] {Say.Prefix}{text}");
    }
}

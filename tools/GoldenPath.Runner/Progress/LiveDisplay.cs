using System.Collections.Concurrent;
using Spectre.Console;

namespace GoldenPath.Runner.Progress;

/// <summary>
/// On a terminal: the output scrolls above one live status line (step · passed/failed so far · elapsed). Spectre's console
/// is not thread-safe, so lines from the children's output threads are queued and written on the display's loop.
/// </summary>
internal sealed class LiveDisplay : ProgressDisplay
{
    private readonly ConcurrentQueue<string> pending = new();

    public override void Print(string line) => pending.Enqueue(line);

    protected override async Task<T> RunLiveAsync<T>(Func<Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(StatusText(), async context =>
        {
            result = await LoopAsync(work, () =>
            {
                Flush();
                context.Status(StatusText());
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    protected override void Flush()
    {
        while (pending.TryDequeue(out var line))
        {
            AnsiConsole.Console.WriteLine(line);
        }
    }

    private string StatusText()
    {
        var counts = Failed > 0 ? $"[green]{Passed} passed[/], [red]{Failed} failed[/]" : $"[green]{Passed} passed[/], {Failed} failed";
        return $"{Elapsed:mm\\:ss} · {counts} · {Markup.Escape(CurrentStep)}";
    }
}

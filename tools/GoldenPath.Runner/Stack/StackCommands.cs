using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Stack;

/// <summary><c>stack up</c> starts the processes stack in the background, as a deployed platform would be; <c>stack down</c> stops it.</summary>
internal static class StackCommands
{
    private static readonly TimeSpan UpDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DownDeadline = TimeSpan.FromSeconds(30);

    public static async Task<int> UpAsync(RunSettings settings, CancellationToken interrupted)
    {
        Directory.CreateDirectory(settings.Results);
        var state = StackState.File(settings.Results);
        if (StackState.Read(state) is { IsRunning: true } running)
        {
            Say.Line($"a stack is already up (pid {running.Pid}; ./run-tests.sh stack down stops it)");
            Print(running);
            return ExitCodes.Passed;
        }

        var environment = settings.ApplyAndLoad();
        var plan = new RunPlan(RunPlan.AllProjects, null, [], UsesContainers: false, UsesProcesses: true, RunsBrowser: false);
        if (!await PlatformPipeline.PrepareAsync(settings, environment, plan, BuildScope.Platform, interrupted).ConfigureAwait(false))
        {
            return ExitCodes.Failed;
        }

        StackState.Remove(state);
        var log = StackState.Log(settings.Results);
        var serve = Process.Start(ServeCommand(state, log)) ?? throw new InvalidOperationException("could not start the stack process");
        var ready = await DeadlineWait.PollAsync(_ => Task.FromResult(serve.HasExited ? "exited" : StackState.Read(state) is not null ? "ready" : null), UpDeadline, interrupted).ConfigureAwait(false);
        if (ready != "ready")
        {
            Say.Line(ready == "exited" ? "the stack did not start:" : $"the stack did not come up within {UpDeadline.TotalSeconds:0} s:");
            Console.Error.WriteLine(SecretMasker.Apply(File.Exists(log) ? File.ReadAllText(log) : "(no log)"));
            if (ready is null && !serve.HasExited)
            {
                File.WriteAllText(StackState.StopFileOf(state), string.Empty);
            }

            return ExitCodes.Failed;
        }

        var started = StackState.Read(state)!;
        var healthy = File.ReadLines(log).Select(l => l.Split(' ').FirstOrDefault(w => w.StartsWith("healthy_in=", StringComparison.Ordinal))).FirstOrDefault(w => w is not null);
        Say.Line($"stack up (pid {started.Pid}; ./run-tests.sh stack down stops it): {healthy}");
        Print(started);
        return ExitCodes.Passed;
    }

    public static async Task<int> DownAsync(RunSettings settings, CancellationToken interrupted)
    {
        var state = StackState.File(settings.Results);
        if (StackState.Read(state) is not { IsRunning: true } running)
        {
            StackState.Remove(state);
            Say.Line("no stack is up");
            return ExitCodes.Passed;
        }

        File.WriteAllText(StackState.StopFileOf(state), string.Empty);
        var stopped = await DeadlineWait.PollAsync(_ => Task.FromResult(running.IsRunning ? null : "stopped"), DownDeadline, interrupted).ConfigureAwait(false);
        if (stopped is null)
        {
            Say.Line($"the stack (pid {running.Pid}) did not stop within {DownDeadline.TotalSeconds:0} s");
            return ExitCodes.Failed;
        }

        StackState.Remove(state);
        Say.Line("stack down");
        return ExitCodes.Passed;
    }

    private static void Print(StackState state)
    {
        foreach (var line in state.Describe())
        {
            Console.WriteLine(line);
        }
    }

    // The same runner, detached from this console: its output goes to the log file, so a pipe this command writes to closes when it ends.
    // Process, not CliWrap: the stack outlives this command, and CliWrap ties a child to the task that awaits it.
    private static ProcessStartInfo ServeCommand(string state, string log)
    {
        var start = new ProcessStartInfo(System.Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { typeof(StackCommands).Assembly.Location, "stack", "serve", "--state", state, "--log", log })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in SuiteSettings.Current.ForChild())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }
}

using System.Runtime.InteropServices;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Runner.Cli;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// Runs the processes stack until SIGTERM, Ctrl-C or a stop file (<c>stack down</c>; also where there are no signals), then
/// tears it down and removes its state. <c>stack up</c> starts it in the background; the teardown specs start it directly.
/// </summary>
internal static class StackServe
{
    public static async Task<int> RunAsync(string? state, string? log)
    {
        if (log is not null)
        {
            var writer = new StreamWriter(log, append: false) { AutoFlush = true };
            Console.SetOut(writer);
            Console.SetError(writer);
        }

        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true); // outlives the terminal that started it

        ProcessStack stack;
        try
        {
            stack = await ProcessStack.StartAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("GOLDENPATH_STACK_FAILED " + SecretMasker.Apply(e.Message));
            return ExitCodes.Failed;
        }

        await using (stack)
        {
            using var stopFile = state is null ? null : WatchStopFile(state, stop);
            var endpoints = new StackState(stack.Endpoints.Auth.ToString(), stack.Endpoints.Backend.ToString(), stack.Endpoints.WebSocket.ToString(),
                System.Environment.ProcessId, state is null ? string.Empty : StackState.KeyFileOf(state));
            Console.WriteLine($"GOLDENPATH_STACK_READY auth={endpoints.Auth} backend={endpoints.Backend} websocket={endpoints.WebSocket} healthy_in={stack.StartupTime.TotalSeconds:0.00}s");
            Console.WriteLine(stack.Description);
            if (state is not null)
            {
                WriteKey(endpoints.KeyFile, stack.Tokens!.SecretKey);
                endpoints.Write(state); // last: stack up takes the state file for "ready"
            }
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); // deliberate: runs until asked to stop
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine(SuiteVariables.StackStopping);
            }
        }

        if (state is not null)
        {
            StackState.Remove(state);
        }

        return ExitCodes.Passed;
    }

    // The key (for specs that sign a token themselves, e.g. an expired one) goes to a file only this user reads, never to the output.
    private static void WriteKey(string file, string key)
    {
        File.WriteAllText(file, string.Empty);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(file, key);
    }

    private static FileSystemWatcher WatchStopFile(string state, CancellationTokenSource stop)
    {
        var stopFile = StackState.StopFileOf(state);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(stopFile))!, Path.GetFileName(stopFile)) { EnableRaisingEvents = true };
        watcher.Created += (_, _) => stop.Cancel();
        if (File.Exists(stopFile))
        {
            stop.Cancel();
        }

        return watcher;
    }
}

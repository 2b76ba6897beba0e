using System.Diagnostics;
using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Stack;

/// <summary>Everything a processes stack starts is gone after the run: on SIGTERM, on SIGKILL (the watchdog), and after a crash (the next run's sweep).</summary>
[Integration]
[ReferenceStack]
public sealed class TeardownTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("SIGKILL", 9)]
    public async Task A_stack_host_ended_by_a_signal_leaves_no_process_and_no_run_dir(string signal, int number)
    {
        var host = await StackHost.StartAsync();

        var killed = await HostCommand.RunAsync("kill", [$"-{number}", host.Pid.ToString()], TimeSpan.FromSeconds(5), interrupted: TestContext.Current.CancellationToken);
        killed.Succeeded.Should().BeTrue(killed.Output);

        var gone = await DeadlineWait.PollAsync(_ => Task.FromResult(host.Leftovers().Count == 0 ? "gone" : null), Deadline, TestContext.Current.CancellationToken);
        gone.Should().NotBeNull($"after {signal} everything the stack started must be gone within {Deadline.TotalSeconds} s; still there: {string.Join(", ", host.Leftovers())}");
    }

    [Fact]
    public async Task A_new_run_sweeps_what_a_crashed_run_left()
    {
        var crashed = Path.Combine(RunDirectory.BaseDirectory, $"run-crashed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(crashed, "pids"));
        using var orphan = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        await File.WriteAllTextAsync(Path.Combine(crashed, "pids", "orphan.pid"), $"{orphan.Id}\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(crashed, "owner.pid"), "999999999 1\n", TestContext.Current.CancellationToken); // an owner that cannot be alive

        using (RunDirectory.Create())
        {
            Directory.Exists(crashed).Should().BeFalse("the sweep at the start of a run removes a dead run's folder");
            orphan.WaitForExit(TimeSpan.FromSeconds(5)).Should().BeTrue("the sweep stops the processes a dead run left");
        }
    }

    private sealed record StackHost(int Pid, string RunDirectory, IReadOnlyList<int> Children)
    {
        public static async Task<StackHost> StartAsync()
        {
            var state = Path.Combine(Path.GetTempPath(), $"goldenpath-stack-serve-{Guid.NewGuid():N}.json");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { RepositoryLayout.RunnerAssembly, "stack", "serve", "--state", state })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
            process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var ready = await DeadlineWait.PollAsync(_ => Task.FromResult(process.HasExited ? "exited" : output.FirstOrDefault(l => l.StartsWith("processes (", StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
            ready.Should().NotBe("exited", $"the stack host should keep running; its output: {string.Join(Environment.NewLine, output)}");
            ready.Should().NotBeNull($"the stack host should start; its output: {string.Join(Environment.NewLine, output)}");
            File.Delete(state);

            var runDirectory = ready![(ready.IndexOf("run dir ", StringComparison.Ordinal) + "run dir ".Length)..].TrimEnd(')');
            var children = Directory.GetFiles(Path.Combine(runDirectory, "pids")).Select(f => int.Parse(File.ReadAllText(f).Split(' ')[0]))
                .Append(int.Parse(File.ReadLines(Path.Combine(runDirectory, "postgres", "postmaster.pid")).First()))
                .ToArray();
            children.Should().HaveCountGreaterThanOrEqualTo(4, "postgres, redis, auth and backend are running");
            return new StackHost(process.Id, runDirectory, children);
        }

        /// <summary>What is still there: live (non-zombie) processes of the run, and its folder.</summary>
        public IReadOnlyList<string> Leftovers() =>
            Children.Where(ProcessLiveness.IsAlive).Select(pid => $"process {pid}")
                .Concat(Directory.Exists(RunDirectory) ? [$"folder {RunDirectory}"] : [])
                .ToArray();
    }
}

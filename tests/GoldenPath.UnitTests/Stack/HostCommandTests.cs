using System.Diagnostics;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.UnitTests.Stack;

[Unit]
public sealed class HostCommandTests
{
    [Fact]
    public async Task An_interrupted_command_is_killed_at_once_and_says_so_with_exit_130()
    {
        using var interrupted = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var result = await HostCommand.RunAsync("sleep", ["30"], TimeSpan.FromMinutes(1), interrupted: interrupted.Token);

        result.ExitCode.Should().Be(130);
        result.Output.Should().Be("sleep was stopped: interrupted");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_command_over_its_timeout_is_killed_with_exit_minus_1()
    {
        var result = await HostCommand.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(200), interrupted: TestContext.Current.CancellationToken);

        result.ExitCode.Should().Be(-1);
        result.Output.Should().Be("sleep did not finish within 0 s");
    }

    [Fact]
    public async Task A_command_over_its_timeout_is_killed_with_what_it_started()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"hostcommand-{Guid.NewGuid():N}.pid");
        try
        {
            var result = await HostCommand.RunAsync("bash", ["-c", $"sleep 300 & echo $! > {pidFile}; wait"], TimeSpan.FromMilliseconds(500), interrupted: TestContext.Current.CancellationToken);

            result.ExitCode.Should().Be(-1);
            var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var gone = await DeadlineWait.PollAsync(_ => Task.FromResult(Exited(grandchild) ? "gone" : null), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            gone.Should().NotBeNull($"the sleep the command started (pid {grandchild}) is killed with it");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    private static bool Exited(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z"; // a zombie has exited; its parent, killed too, never reaps it
        }
        catch (IOException)
        {
            return true;
        }
    }
}

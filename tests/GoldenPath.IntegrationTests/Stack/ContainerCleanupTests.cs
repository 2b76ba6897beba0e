using System.Diagnostics;
using System.Globalization;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.IntegrationTests.Stack;

/// <summary>
/// Nothing a containers-stack run creates outlives it: dispose removes it all, a watchdog removes it
/// when the run is killed outright, and the next run sweeps what a crash left, without touching a
/// live sibling run. These start their own containers stack whatever the environment says, so they
/// need a Docker engine and the built images (Category=Containers: run-tests.sh runs them with --stack containers).
/// </summary>
[Integration]
[Containers]
[ReferenceStack]
public sealed class ContainerCleanupTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_new_stack_sweeps_what_a_crashed_run_left_and_leaves_a_live_sibling_alone()
    {
        var image = await LeftoverImageAsync();
        using var crashedOwner = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var crashed = await Leftovers.CreateAsync(image, ProcessIdentity(crashedOwner.Id), startedSecondsAgo: 120);
        var sibling = await Leftovers.CreateAsync(image, ProcessIdentity(Environment.ProcessId), startedSecondsAgo: 60);
        try
        {
            crashedOwner.Kill();
            await crashedOwner.WaitForExitAsync(TestContext.Current.CancellationToken);

            await using (var stack = await ContainerStack.StartAsync(EnvironmentLoader.Load()))
            {
                (await crashed.RemainingAsync()).Should().BeEmpty($"the start of run {stack.RunId} sweeps run {crashed.RunId}, whose owner process is gone");
                (await sibling.RemainingAsync()).Should().HaveCount(3, $"run {sibling.RunId}'s owner (this test process) is alive: the sweep must leave its container, network and volume alone");
            }
        }
        finally
        {
            await sibling.RemoveAsync();
            await crashed.RemoveAsync();
        }
    }

    [Fact]
    public async Task After_dispose_nothing_of_the_run_is_left_in_the_engine()
    {
        var stack = await ContainerStack.StartAsync(EnvironmentLoader.Load());
        var run = new Leftovers(stack.RunId);
        (await run.RemainingAsync()).Should().HaveCountGreaterThanOrEqualTo(5, "the stack runs postgres, redis, auth and backend on its own network");

        await stack.DisposeAsync();

        (await run.RemainingAsync()).Should().BeEmpty($"docker ps -a --filter label={ContainerRun.RunLabel}={stack.RunId} (and network ls, volume ls) must show nothing once the stack is disposed");
    }

    [Fact]
    public async Task The_watchdog_removes_a_run_whose_test_process_was_killed()
    {
        var image = await LeftoverImageAsync();
        using var owner = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var killed = await Leftovers.CreateAsync(image, ProcessIdentity(owner.Id), startedSecondsAgo: 0);
        var marker = Path.Combine(RunDirectory.BaseDirectory, $"containers-{killed.RunId}.run");
        Directory.CreateDirectory(RunDirectory.BaseDirectory);
        await File.WriteAllTextAsync(marker, ProcessIdentity(owner.Id), TestContext.Current.CancellationToken);
        try
        {
            // What ContainerRun starts for every run: setsid bash ContainerJanitor.sh watch OWNER START RUN MARKER.
            var identity = ProcessIdentity(owner.Id).Split(' ');
            using (Process.Start(new ProcessStartInfo("setsid", ["bash", "-c", JanitorScript(), "ContainerJanitor.sh", "watch", identity[0], identity[1], killed.RunId, marker]) { UseShellExecute = false }))
            {
            }

            owner.Kill(); // SIGKILL: no handler of the owner runs

            var gone = await DeadlineWait.PollAsync(async _ => (await killed.RemainingAsync()).Count == 0 ? "gone" : null, Deadline, TestContext.Current.CancellationToken);
            gone.Should().NotBeNull($"the watchdog removes run {killed.RunId} within {Deadline.TotalSeconds} s of its owner's death; still there: {string.Join(", ", await killed.RemainingAsync())}");
            File.Exists(marker).Should().BeFalse("the watchdog removes the run's marker once it cleaned up");
        }
        finally
        {
            await killed.RemoveAsync();
            File.Delete(marker);
        }
    }

    // Any image the engine has will do for a leftover; the stack's own Redis image is there once the images are built.
    private static async Task<string> LeftoverImageAsync()
    {
        var engine = await DockerEngineProbe.ProbeAsync(TimeSpan.FromSeconds(5));
        if (!engine.Answers)
        {
            throw engine.ToStartException();
        }

        TestcontainersDefaults.Apply(engine);
        using var docker = new DockerApi(engine.Endpoint, TimeSpan.FromSeconds(5));
        return (await ContainerImages.LoadAsync(EnvironmentLoader.Load().Containers.Images, docker)).Redis;
    }

    private static string JanitorScript()
    {
        using var stream = typeof(ContainerRun).Assembly.GetManifestResourceStream("GoldenPath.Fixtures.Stack.Containers.ContainerJanitor.sh")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // "PID STARTTIME" as the goldenpath.owner label records it (field 22 of /proc/PID/stat).
    private static string ProcessIdentity(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return $"{pid} {stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19]}";
    }

    /// <summary>A run's container, network and volume in the engine, labelled as a containers stack labels them.</summary>
    private sealed record Leftovers(string RunId)
    {
        public static async Task<Leftovers> CreateAsync(string image, string owner, int startedSecondsAgo)
        {
            var run = new Leftovers($"gp-test-{Guid.NewGuid():N}"[..20]);
            var started = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - startedSecondsAgo).ToString(CultureInfo.InvariantCulture);
            string[] labels =
            [
                "--label", $"{ContainerRun.RunLabel}={run.RunId}", "--label", $"{ContainerRun.OwnerLabel}={owner}",
                "--label", $"{ContainerRun.HostLabel}={File.ReadAllText("/proc/sys/kernel/hostname").Trim()}", "--label", $"{ContainerRun.StartedLabel}={started}",
            ];
            await DockerAsync(["network", "create", .. labels, $"goldenpath-{run.RunId}"]);
            await DockerAsync(["volume", "create", .. labels, $"goldenpath-{run.RunId}"]);
            await DockerAsync(["run", "-d", .. labels, "--name", $"goldenpath-{run.RunId}", "--network", $"goldenpath-{run.RunId}", "-v", $"goldenpath-{run.RunId}:/data", image]);
            return run;
        }

        /// <summary>What is still there: containers, networks and volumes labelled with the run id.</summary>
        public async Task<IReadOnlyList<string>> RemainingAsync()
        {
            var filter = $"label={ContainerRun.RunLabel}={RunId}";
            var remaining = new List<string>();
            foreach (var (kind, list) in new[] { ("container", new[] { "ps", "-a", "-q" }), ("network", ["network", "ls", "-q"]), ("volume", ["volume", "ls", "-q"]) })
            {
                var ids = await DockerAsync([.. list, "--filter", filter]);
                remaining.AddRange(ids.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{kind} {id}"));
            }

            return remaining;
        }

        public async Task RemoveAsync()
        {
            var filter = $"label={ContainerRun.RunLabel}={RunId}";
            foreach (var id in (await DockerAsync(["ps", "-a", "-q", "--filter", filter])).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await DockerAsync(["rm", "-f", "-v", id]);
            }

            foreach (var (kind, list) in new[] { ("network", new[] { "network", "ls", "-q" }), ("volume", ["volume", "ls", "-q"]) })
            {
                foreach (var id in (await DockerAsync([.. list, "--filter", filter])).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    await DockerAsync([kind, "rm", id]);
                }
            }
        }

        private static async Task<string> DockerAsync(string[] arguments)
        {
            var result = await HostCommand.RunAsync("docker", arguments, TimeSpan.FromSeconds(30));
            result.Succeeded.Should().BeTrue($"docker {string.Join(' ', arguments)} should succeed: {result.Output}");
            return result.Output;
        }
    }
}

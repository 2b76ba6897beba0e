using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Slo;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Reporting.Slo;

namespace GoldenPath.IntegrationTests.Watch;

/// <summary>
/// run-tests watch against a backend whose faults a file switches while it runs (GOLDENPATH_FAULTS_FILE): one alert when it
/// starts failing, one when it recovers, nothing in between, and a clean exit on SIGTERM.
/// </summary>
[Integration]
[ReferenceStack]
public sealed class WatchTests(PlatformFixture platform) : IDisposable
{
    private static readonly TimeSpan TickDeadline = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-watch-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task The_watch_alerts_once_when_the_backend_fails_and_once_when_it_recovers_then_stops_on_SIGTERM()
    {
        // Its own folder, readable by the services' user: the containers stack mounts it into the backend's container.
        var faultsFolder = folder.CreateSubdirectory("faults");
        if (!OperatingSystem.IsWindows())
        {
            faultsFolder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        }

        var faults = Path.Combine(faultsFolder.FullName, "faults");
        var endpoints = await platform.StartAnotherAsync("a backend whose faults a file switches", PlatformService.Backend,
            new Dictionary<string, string> { [SuiteVariables.FaultsFile] = faults });
        await using var webhook = WebhookReceiver.Start();
        using var watch = WatchProcess.Start(endpoints, webhook.Url, Path.Combine(folder.FullName, "results"), intervalSeconds: 1);

        await UntilAsync(watch, "two healthy ticks", () => watch.History().Count(t => t.State == WatchTick.Healthy) >= 2);
        webhook.Bodies.Should().BeEmpty($"a healthy watch alerts nobody; the watch said:{Environment.NewLine}{watch.Output}");

        await File.WriteAllTextAsync(faults, "health-503", TestContext.Current.CancellationToken);
        await UntilAsync(watch, "the failing alert", () => webhook.Bodies.Count >= 1);
        var failing = Text(webhook.Bodies[0]);
        failing.Should().Contain("staging is failing").And.Contain("backend health").And.Contain("the backend service answered 503 unhealthy")
            .And.Contain(endpoints.Backend.Authority, "the alert names the target");

        await File.WriteAllTextAsync(faults, string.Empty, TestContext.Current.CancellationToken);
        await UntilAsync(watch, "the recovery alert", () => webhook.Bodies.Count >= 2);
        Text(webhook.Bodies[1]).Should().MatchRegex(@"staging recovered after \d+(\.\d)? (s|min)");

        var recovered = watch.History().First(t => t.State == WatchTick.Healthy && t.Tick > watch.History().First(f => f.State == WatchTick.Failing).Tick).Tick;
        await UntilAsync(watch, "two more healthy ticks", () => watch.History().Count(t => t.Tick > recovered && t.State == WatchTick.Healthy) >= 2);

        webhook.Bodies.Should().HaveCount(2, "only the two changes of state alert; the watch said:{0}{1}", Environment.NewLine, watch.Output);
        webhook.Bodies.Should().AllSatisfy(body => body.Should().NotContain("eyJ", "no token may reach an alert"));
        webhook.Bodies.Should().AllSatisfy(body => body.Should().NotContain("webhook-key", "the webhook's URL is a secret"));

        (await watch.TerminateAsync()).Succeeded.Should().BeTrue();
        (await DeadlineWait.ForTaskAsync(watch.WaitForExitAsync(), TimeSpan.FromSeconds(30))).Should().BeTrue($"SIGTERM stops the watch; it said:{Environment.NewLine}{watch.Output}");
        watch.ExitCode.Should().Be(0, watch.Output);
        watch.Output.Should().MatchRegex(@"watch: stopped after \d+ ticks.*; final state healthy");
        TestContext.Current.TestOutputHelper?.WriteLine(watch.Output + Environment.NewLine + string.Join(Environment.NewLine, webhook.Bodies));
    }

    private static async Task UntilAsync(WatchProcess watch, string what, Func<bool> condition)
    {
        var reached = await DeadlineWait.PollAsync(_ => Task.FromResult(condition() ? "yes" : watch.HasExited ? "exited" : null), TickDeadline, TestContext.Current.CancellationToken);
        reached.Should().Be("yes", $"the watch should get to {what} within {TickDeadline.TotalSeconds:0} s; it said:{Environment.NewLine}{watch.Output}");
    }

    private static string Text(string body) => JsonDocument.Parse(body).RootElement.GetProperty("text").GetString()!;
}

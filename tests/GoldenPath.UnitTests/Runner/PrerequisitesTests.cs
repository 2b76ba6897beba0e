using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class PrerequisitesTests
{
    [Theory]
    [InlineData("/nowhere/chromium-headless-shell", "chromium-headless-shell")]
    [InlineData("/nowhere/chromium", "chromium")]
    public void A_missing_browser_is_installed_from_the_debian_package_that_brings_that_executable(string path, string package)
    {
        var environment = new GoldenPathEnvironment { Name = "local", Stack = new StackSettings { Provider = StackProvider.Remote }, Browser = new BrowserSettings { ExecutablePath = path } };
        environment.Endpoints.Frontend = "https://chat.example";
        var plan = RunPlan.For("e2e", null, environment, autoPicksContainers: false);

        var browser = Prerequisites.For(plan, environment, _ => null).Should().ContainSingle().Subject;

        browser.AptPackage.Should().Be(package);
        browser.Present.Should().BeFalse();
        browser.NeededFor.Should().Contain(path);
    }

    // A machine image with a docker CLI on PATH and no engine (no dockerd, no socket): the CLI alone is not a containers stack.
    [Theory]
    [InlineData(new[] { "docker" }, null, false)]
    [InlineData(new[] { "docker", "dockerd" }, null, true)]
    [InlineData(new[] { "docker", "/var/run/docker.sock" }, null, true)]
    [InlineData(new[] { "docker" }, "tcp://127.0.0.1:2375", true)]
    [InlineData(new string[0], null, false)]
    public void The_containers_stack_needs_an_engine_not_only_the_docker_cli(string[] here, string? dockerHost, bool engine)
    {
        var environment = new GoldenPathEnvironment { Name = "ci", Stack = new StackSettings { Provider = StackProvider.Containers } };
        environment.Containers.Images = ContainerImageSource.Registry;
        var plan = RunPlan.For("integration", null, environment, autoPicksContainers: false);

        var needed = Prerequisites.For(plan, environment, name => name == "DOCKER_HOST" ? dockerHost : null, here.Contains);

        var found = needed.Single(p => p.Name.StartsWith("a Docker engine", StringComparison.Ordinal));
        found.Present.Should().Be(engine);
        found.AptPackage.Should().Be("docker.io");
        needed.Single(p => p.Name == "docker").Present.Should().Be(here.Contains("docker"));
    }

    // The E2E monitoring spec runs a real Prometheus and Alertmanager beside a local stack: a fresh machine gets both.
    [Theory]
    [InlineData("e2e", null, true)]
    [InlineData(null, "Category!=Quarantined", true)]
    [InlineData("e2e", "Category=Monitoring", true)]
    [InlineData("e2e", "Category=GoldenPath", false)]
    [InlineData("integration", null, false)]
    public void Prometheus_and_Alertmanager_are_installed_when_the_monitoring_spec_may_run(string? layer, string? filter, bool needed)
    {
        var environment = new GoldenPathEnvironment { Name = "local", Stack = new StackSettings { Provider = StackProvider.Processes } };
        var plan = RunPlan.For(layer, filter, environment, autoPicksContainers: false);

        var monitoring = Prerequisites.For(plan, environment, _ => null, _ => false).Where(p => p.NeededFor.Contains("Category=Monitoring", StringComparison.Ordinal)).ToArray();

        monitoring.Select(p => p.AptPackage).Should().Equal(needed ? ["prometheus", "prometheus-alertmanager"] : []);
    }
}

using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Setup;

namespace GoldenPath.UnitTests.Runner;

[Trait("Category", "Unit")]
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
}

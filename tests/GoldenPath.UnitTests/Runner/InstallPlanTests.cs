using GoldenPath.Fixtures.Environments;
using GoldenPath.Runner.Setup;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class InstallPlanTests
{
    private static readonly Prerequisite[] Missing =
    [
        new("redis-server", "redis-server", "redis", "the processes stack", Present: false),
        new("chromium", "chromium", null, "the browser specs (/usr/bin/chromium)", Present: false),
    ];

    [Fact]
    public void Root_on_debian_installs_with_apt_get_directly()
    {
        var plan = InstallPlan.For(new HostFacts("linux", HasAptGet: true, IsRoot: true, HasPasswordlessSudo: false, HasBrew: false), Missing);

        plan.Commands.Select(c => string.Join(' ', c)).Should().Equal("apt-get update -qq", "apt-get install -y -qq --no-install-recommends redis-server chromium");
        plan.ManualCommand.Should().Be("apt-get install -y --no-install-recommends redis-server chromium");
        plan.CannotBecause.Should().BeNull();
    }

    [Fact]
    public void A_user_with_passwordless_sudo_installs_through_sudo_and_one_without_gets_the_command()
    {
        var sudo = InstallPlan.For(new HostFacts("linux", HasAptGet: true, IsRoot: false, HasPasswordlessSudo: true, HasBrew: false), Missing);
        sudo.Commands[1].Take(3).Should().Equal("sudo", "-n", "apt-get");

        var none = InstallPlan.For(new HostFacts("linux", HasAptGet: true, IsRoot: false, HasPasswordlessSudo: false, HasBrew: false), Missing);
        none.Commands.Should().BeEmpty();
        none.CannotBecause.Should().Be("not root, and sudo asks for a password");
        none.ManualCommand.Should().Be("sudo apt-get install -y --no-install-recommends redis-server chromium");
    }

    [Fact]
    public void On_macos_homebrew_installs_what_it_has_a_formula_for_and_the_rest_is_said()
    {
        var plan = InstallPlan.For(new HostFacts("macos", HasAptGet: false, IsRoot: false, HasPasswordlessSudo: false, HasBrew: true), Missing);

        plan.Commands.Should().ContainSingle().Which.Should().Equal("brew", "install", "redis");
        plan.CannotBecause.Should().StartWith("Homebrew has no formula for chromium").And.Contain(SuiteVariables.BrowserPath);

        var noBrew = InstallPlan.For(new HostFacts("macos", HasAptGet: false, IsRoot: false, HasPasswordlessSudo: false, HasBrew: false), Missing);
        noBrew.Commands.Should().BeEmpty();
        noBrew.CannotBecause.Should().Contain("https://brew.sh");
    }

    [Fact]
    public void On_windows_nothing_installs_and_the_containers_stack_is_the_way()
    {
        var plan = InstallPlan.For(new HostFacts("windows", HasAptGet: false, IsRoot: false, HasPasswordlessSudo: false, HasBrew: false), Missing);

        plan.Commands.Should().BeEmpty();
        plan.CannotBecause.Should().Contain("Docker Desktop").And.Contain("--stack containers");
        plan.ManualCommand.Should().StartWith("install redis-server, chromium");
    }
}

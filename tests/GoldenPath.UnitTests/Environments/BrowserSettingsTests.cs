using GoldenPath.Fixtures.Environments;

namespace GoldenPath.UnitTests.Environments;

[Unit]
public sealed class BrowserSettingsTests
{
    [Fact]
    public void GOLDENPATH_BROWSER_PATH_wins_over_the_environment_file()
    {
        var settings = new BrowserSettings { ExecutablePath = "/usr/bin/chromium" };

        var choice = settings.Choose(name => name == BrowserSettings.PathVariable ? "/opt/chrome/chrome" : null);

        choice.Should().Be(new BrowserChoice("/opt/chrome/chrome", BrowserSettings.PathVariable));
    }

    [Fact]
    public void Without_the_variable_the_environment_file_chooses_and_without_either_Playwright_s_own_browser_does()
    {
        new BrowserSettings { ExecutablePath = "/usr/bin/chromium" }.Choose(_ => null).Path.Should().Be("/usr/bin/chromium");
        new BrowserSettings().Choose(_ => string.Empty).Path.Should().BeNull();
    }

    [Fact]
    public void The_repository_local_environment_names_debians_chromium_headless_shell_and_keeps_it_off_the_network()
    {
        var environment = EnvironmentLoader.Load("local", GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, new Dictionary<string, string?>());

        environment.Browser.ExecutablePath.Should().Be("/usr/bin/chromium-headless-shell");
        environment.Browser.Headless.Should().BeTrue();
        environment.Browser.EffectiveLaunchArgs.Should().Contain(["--no-sandbox", "--disable-background-networking", "--disable-component-update"]);
    }

    [Fact]
    public void Launch_args_from_a_variable_replace_the_defaults_instead_of_adding_to_them()
    {
        var directory = Directory.CreateTempSubdirectory("goldenpath-env-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "x.json"), """{ "browser": { "launchArgs": [ "--no-sandbox" ] } }""");

            var environment = EnvironmentLoader.Load("x", directory, new Dictionary<string, string?> { ["GOLDENPATH__Browser__ExecutablePath"] = "/opt/chromium" });

            environment.Browser.EffectiveLaunchArgs.Should().Equal("--no-sandbox");
            environment.Browser.ExecutablePath.Should().Be("/opt/chromium");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

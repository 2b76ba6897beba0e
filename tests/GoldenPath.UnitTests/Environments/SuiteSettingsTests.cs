using GoldenPath.Fixtures.Environments;

namespace GoldenPath.UnitTests.Environments;

/// <summary>The settings a test host reads from its variables are the ones the runner hands it: a round trip through <see cref="SuiteSettings.ForChild"/>.</summary>
[Unit]
public sealed class SuiteSettingsTests
{
    [Fact]
    public void A_child_reads_back_the_settings_it_was_handed()
    {
        var settings = new SuiteSettings("staging", new Dictionary<string, string>(), "/tmp/results", "Release").WithOverride("Stack__Provider", "Remote");

        var child = SuiteSettings.FromVariables(settings.ForChild(new Dictionary<string, string?> { ["UNRELATED"] = "x" }));

        child.EnvironmentName.Should().Be("staging");
        child.Overrides.Should().Equal(new Dictionary<string, string> { ["GOLDENPATH__Stack__Provider"] = "Remote" });
        child.ResultsDirectory.Should().Be("/tmp/results");
        child.StackConfiguration.Should().Be("Release");
    }

    [Fact]
    public void Without_variables_the_environment_is_local_with_no_overrides()
    {
        var settings = SuiteSettings.FromVariables(new Dictionary<string, string?> { ["PATH"] = "/usr/bin" });

        settings.EnvironmentName.Should().Be("local");
        settings.Overrides.Should().BeEmpty();
        settings.ResultsDirectory.Should().BeNull();
    }
}

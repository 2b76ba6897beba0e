using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Faults;

namespace GoldenPath.UnitTests.ReferenceStack;

/// <summary>The reference stack's GOLDENPATH_FAULTS_FILE: faults switched on and off while a service runs.</summary>
[Unit]
public sealed class FaultsFileTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-faults-");
    private readonly List<string> log = [];

    public void Dispose() => folder.Delete(recursive: true);

    private string FilePath => Path.Combine(folder.FullName, "faults");

    [Fact]
    public void A_missing_file_switches_nothing_on()
    {
        var faults = Load();

        faults.IsOn(FaultSwitches.Health503).Should().BeFalse();
        faults.MayBeOn.Should().BeTrue("the middleware must be there for when the file appears");
    }

    [Fact]
    public void Faults_written_to_the_file_come_on_and_go_off_when_it_changes()
    {
        var faults = Load();

        File.WriteAllText(FilePath, "health-503\n");
        faults.IsOn(FaultSwitches.Health503).Should().BeTrue();

        File.WriteAllText(FilePath, "ws-404, not-ready");
        faults.IsOn(FaultSwitches.Health503).Should().BeFalse();
        faults.IsOn(FaultSwitches.WebSocket404).Should().BeTrue();
        faults.IsOn(FaultSwitches.NotReady).Should().BeTrue();

        File.WriteAllText(FilePath, string.Empty);
        faults.IsOn(FaultSwitches.WebSocket404).Should().BeFalse();

        File.WriteAllText(FilePath, "health-503");
        File.Delete(FilePath);
        faults.IsOn(FaultSwitches.Health503).Should().BeFalse("a deleted file switches its faults off");
        log.Should().Contain(l => l.EndsWith("on: not-ready, ws-404", StringComparison.Ordinal)).And.Contain(l => l.EndsWith("no fault on", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_name_in_the_file_is_logged_and_ignored()
    {
        File.WriteAllText(FilePath, "health-503,helth-503");
        var faults = Load();

        faults.IsOn(FaultSwitches.Health503).Should().BeTrue("the known names still count");
        faults.IsOn("helth-503").Should().BeFalse();
        log.Should().ContainSingle(l => l.Contains("ignored unknown faults (helth-503)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_variable_and_the_file_both_count()
    {
        File.WriteAllText(FilePath, "ws-404");
        var faults = Load(variable: "not-ready");

        faults.IsOn(FaultSwitches.NotReady).Should().BeTrue();
        faults.IsOn(FaultSwitches.WebSocket404).Should().BeTrue();
    }

    [Fact]
    public void Between_checks_the_file_is_not_read_again()
    {
        var faults = new FaultSwitches(new HashSet<string>(), TimeSpan.Zero) { FromFile = new FaultsFile(FilePath, log.Add, TimeSpan.FromHours(1)) };
        faults.IsOn(FaultSwitches.Health503).Should().BeFalse();

        File.WriteAllText(FilePath, "health-503");

        faults.IsOn(FaultSwitches.Health503).Should().BeFalse("the file is looked at again only after the recheck interval");
    }

    [Fact]
    public void An_unknown_name_in_the_variable_is_still_a_configuration_error()
    {
        var load = () => Load(variable: "helth-503");

        load.Should().Throw<ConfigurationException>().Which.Variable.Should().Be(FaultSwitches.Variable);
    }

    [Fact]
    public void Without_the_variables_no_fault_can_come_on()
    {
        FaultSwitches.Load(_ => null).MayBeOn.Should().BeFalse();
    }

    private FaultSwitches Load(string? variable = null)
    {
        var faults = FaultSwitches.Load(name => name switch
        {
            FaultSwitches.FileVariable => FilePath,
            FaultSwitches.Variable => variable,
            _ => null,
        }, log.Add);

        // Every read looks at the file, so a test need not wait out the 200 ms between checks.
        return faults with { FromFile = new FaultsFile(faults.FromFile!.Path, log.Add, TimeSpan.Zero) };
    }
}

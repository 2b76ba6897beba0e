using GoldenPath.Fixtures.Environments;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Faults;

namespace GoldenPath.UnitTests.Environments;

/// <summary>The suite hands the reference stack its switches by the names the stack reads: one spelling on each side, and these keep them equal.</summary>
[Unit]
public sealed class SuiteVariablesTests
{
    [Fact]
    public void The_stack_reads_the_variables_the_suite_sets()
    {
        SuiteVariables.Faults.Should().Be(FaultSwitches.Variable);
        SuiteVariables.FaultsFile.Should().Be(FaultSwitches.FileVariable);
        SuiteVariables.FaultLeakEvery.Should().Be(FaultSwitches.LeakEveryVariable);
        SuiteVariables.Dialect.Should().Be(PlatformDialect.Variable);
        SuiteVariables.Variant.Should().Be(PlatformVariant.Variable);
    }
}

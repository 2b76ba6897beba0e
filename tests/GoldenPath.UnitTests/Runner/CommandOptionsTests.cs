using GoldenPath.Runner.Cli;

namespace GoldenPath.UnitTests.Runner;

/// <summary>Each command takes only the options it uses: one it would ignore is an error (exit 2), not silently dropped.</summary>
[Unit]
public sealed class CommandOptionsTests
{
    [Theory]
    [InlineData("slo --layer unit", "--layer")]
    [InlineData("scale --filter Category=GoldenPath", "--filter")]
    [InlineData("doctor --repeat 3", "--repeat")]
    [InlineData("watch --interval 5 --coverage", "--coverage")]
    [InlineData("stack down --env staging", "--env")]
    public void An_option_the_command_does_not_use_is_an_error(string line, string option)
    {
        var errors = RunnerCli.Build().Parse(line.Split(' ')).Errors.Select(e => e.Message).ToArray();

        errors.Should().Contain(e => e.Contains(option, StringComparison.Ordinal), $"'{line}' would ignore {option}");
    }

    [Theory]
    [InlineData("--layer e2e --filter Category=GoldenPath --repeat 2 --no-build")]
    [InlineData("slo --no-build --no-install --env ci --stack processes --journeys 5 --results r")]
    [InlineData("scale --no-build --env ci --stack processes --users 1000 --results r")]
    [InlineData("selftest --no-build --dialect netra-apex --results r")]
    [InlineData("setup --env ci --stack containers")]
    [InlineData("doctor --env staging")]
    [InlineData("--env staging doctor")]
    [InlineData("stack up --no-install -c Release --results r")]
    [InlineData("stack down --no-build --results r")]
    [InlineData("watch --interval 5 --env staging --no-build")]
    public void The_options_a_command_uses_are_accepted(string line)
    {
        RunnerCli.Build().Parse(line.Split(' ')).Errors.Should().BeEmpty();
    }
}

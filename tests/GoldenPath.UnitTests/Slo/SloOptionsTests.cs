using GoldenPath.Runner.Slo;

namespace GoldenPath.UnitTests.Slo;

[Unit]
public sealed class SloOptionsTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1.5h", 5400)]
    public void A_duration_is_seconds_or_a_number_with_its_unit(string text, double seconds) =>
        SloOptions.ParseDuration(text).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("5d")]
    public void Anything_else_is_no_duration(string text) => SloOptions.ParseDuration(text).Should().BeNull();
}

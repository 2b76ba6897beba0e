using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Scale;

namespace GoldenPath.UnitTests.Scale;

[Unit]
public sealed class ScaleCapacityTests
{
    [Fact]
    public void A_plan_that_fits_passes_and_unknown_limits_are_not_guessed()
    {
        ScaleCapacity.Check(11_000, openFiles: 20_000, ports: (32768, 60999));
        ScaleCapacity.Check(100_000, openFiles: null, ports: null);
    }

    [Fact]
    public void Too_few_file_descriptors_or_ports_fail_before_any_user_is_made_with_the_fix()
    {
        var files = () => ScaleCapacity.Check(11_000, openFiles: 1024, ports: (32768, 60999));
        var ports = () => ScaleCapacity.Check(30_000, openFiles: 1_000_000, ports: (32768, 60999));

        files.Should().Throw<GoldenPathException>().WithMessage("*11,000 connections need about 11,512 open files*ulimit -n is 1,024: raise it (ulimit -n 65536*");
        ports.Should().Throw<GoldenPathException>().WithMessage("*30,000 connections to one backend address need as many local ports*lends 28,232 (32768-60999)*sysctl -w net.ipv4.ip_local_port_range*");
    }
}

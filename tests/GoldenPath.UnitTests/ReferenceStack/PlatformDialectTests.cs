using System.Text.Json;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Json;

namespace GoldenPath.UnitTests.ReferenceStack;

/// <summary>
/// The reference stack's GOLDENPATH_DIALECT, and the epoch-float timestamps of the netra-apex dialect. (The netra frames
/// themselves live in GoldenPath.Backend, which this project does not reference; they are proven on the wire.)
/// </summary>
[Unit]
public sealed class PlatformDialectTests
{
    private static readonly Dictionary<string, string> Required = new()
    {
        ["POSTGRES_CONNECTION"] = "Host=127.0.0.1;Username=postgres",
        ["REDIS_CONNECTION"] = "127.0.0.1:6379",
        ["JWT_SECRET_KEY"] = new string('k', 32),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("protocol-1.2")]
    [InlineData(" protocol-1.2 ")]
    public void Without_the_variable_or_with_protocol_1_2_the_dialect_is_the_protocol(string? value)
    {
        var dialect = PlatformDialect.Load(name => name == PlatformDialect.Variable ? value : null);

        dialect.Should().Be(PlatformDialect.Protocol12);
        dialect.IsNetraApex.Should().BeFalse();
    }

    [Fact]
    public void Netra_apex_is_the_seed_platforms_dialect()
    {
        PlatformDialect.Load(_ => "netra-apex").Should().Be(PlatformDialect.NetraApex);
        PlatformDialect.NetraApex.IsNetraApex.Should().BeTrue();
    }

    [Theory]
    [InlineData("netra")]
    [InlineData("Netra-Apex")]
    [InlineData("protocol-1.1")]
    public void Any_other_value_refuses_to_start_naming_the_variable(string value)
    {
        var load = () => SettingsLoader.Load(name => name == PlatformDialect.Variable ? value : Required.GetValueOrDefault(name));

        load.Should().Throw<ConfigurationException>()
            .Which.Should().Match<ConfigurationException>(e => e.Variable == SuiteVariables.Dialect && e.Problem.Contains("netra-apex"));
    }

    [Fact]
    public void The_settings_carry_the_dialect_and_default_to_the_protocol()
    {
        SettingsLoader.Load(Required.GetValueOrDefault).Dialect.Should().Be(PlatformDialect.Protocol12);
        SettingsLoader.Load(name => name == PlatformDialect.Variable ? "netra-apex" : Required.GetValueOrDefault(name))
            .Dialect.Should().Be(PlatformDialect.NetraApex);
    }

    [Fact]
    public void Epoch_seconds_are_written_as_a_float_like_pythons_time_time()
    {
        var instant = DateTimeOffset.UnixEpoch.AddSeconds(1_765_075_235).AddTicks(1_234_567);

        Json(EpochSeconds.From(instant)).Should().Be("1765075235.123456", "microseconds, as time.time() keeps them");
        Json(EpochSeconds.From(instant, wholeSeconds: true)).Should().Be("1765075235.0", "a whole second is still a float");
        Json(EpochSeconds.From(DateTimeOffset.UnixEpoch.AddSeconds(1_765_075_235))).Should().Be("1765075235.0");
        JsonSerializer.Deserialize<EpochSeconds>("1765075235.5", PlatformJson.Options).Value.Should().Be(1_765_075_235.5);
    }

    private static string Json(EpochSeconds value) => JsonSerializer.Serialize(value, PlatformJson.Options);
}

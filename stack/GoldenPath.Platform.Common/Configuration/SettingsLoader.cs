using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Configuration;

/// <summary>Reads <see cref="PlatformSettings"/> from environment variables, failing on the first invalid one.</summary>
public static class SettingsLoader
{
    private const int MinimumSecretKeyBytes = 32;

    public static PlatformSettings FromEnvironment() => Load(Environment.GetEnvironmentVariable);

    public static PlatformSettings Load(Func<string, string?> lookup)
    {
        var postgres = Required(lookup, "POSTGRES_CONNECTION");
        EnsureValidPostgres(postgres);
        var redis = Required(lookup, "REDIS_CONNECTION");
        EnsureValidRedis(redis);

        var secret = Required(lookup, "JWT_SECRET_KEY");
        if (Encoding.UTF8.GetByteCount(secret) < MinimumSecretKeyBytes)
        {
            throw new ConfigurationException("JWT_SECRET_KEY", $"must be at least {MinimumSecretKeyBytes} bytes (UTF-8)");
        }

        var faults = Faults.FaultSwitches.Load(lookup);
        var variant = PlatformVariant.Load(lookup);
        var dialect = PlatformDialect.Load(lookup);
        var jwt = new JwtSettings(
            faults.IsOn(Faults.FaultSwitches.JwtMismatch) ? secret + "-mismatched-by-fault" : secret,
            Optional(lookup, "JWT_ISSUER") ?? "goldenpath-auth",
            Optional(lookup, "JWT_AUDIENCE") ?? "goldenpath-platform",
            TimeSpan.FromMinutes(Integer(lookup, "JWT_ACCESS_MINUTES", 15, min: 1, max: 525_600)),
            TimeSpan.FromMinutes(Integer(lookup, "JWT_REFRESH_MINUTES", 10_080, min: 1, max: 5_256_000)));

        var port = Integer(lookup, "PORT", 0, min: 0, max: 65_535);
        var bindAddress = BindAddress(lookup);
        int? parentPid = Optional(lookup, "GOLDENPATH_PARENT_PID") is null
            ? null
            : Integer(lookup, "GOLDENPATH_PARENT_PID", 0, min: 1, max: int.MaxValue);

        return new PlatformSettings(postgres, redis, jwt, bindAddress, port, parentPid, faults, variant, Tls(lookup)) { Dialect = dialect };
    }

    private static string Required(Func<string, string?> lookup, string name) =>
        Optional(lookup, name) ?? throw new ConfigurationException(name, "is missing");

    private static string? Optional(Func<string, string?> lookup, string name)
    {
        var value = lookup(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static int Integer(Func<string, string?> lookup, string name, int fallback, int min, int max)
    {
        var text = Optional(lookup, name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationException(name, $"must be an integer from {min} to {max}");
        }

        return value;
    }

    private static IPAddress BindAddress(Func<string, string?> lookup)
    {
        var text = Optional(lookup, "BIND_ADDRESS") ?? "127.0.0.1";
        if (text.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new ConfigurationException("BIND_ADDRESS", "must be an IP address");
    }

    private static TlsCertificateFiles? Tls(Func<string, string?> lookup)
    {
        var certificate = Optional(lookup, "TLS_CERTIFICATE_PATH");
        var key = Optional(lookup, "TLS_KEY_PATH");
        if (certificate is null && key is null)
        {
            return null;
        }

        foreach (var (name, path) in new[] { ("TLS_CERTIFICATE_PATH", certificate), ("TLS_KEY_PATH", key) })
        {
            if (path is null)
            {
                throw new ConfigurationException(name, "is missing (TLS_CERTIFICATE_PATH and TLS_KEY_PATH go together)");
            }

            if (!File.Exists(path))
            {
                throw new ConfigurationException(name, $"names {path}, which does not exist");
            }
        }

        return new TlsCertificateFiles(certificate!, key!);
    }

    private static void EnsureValidPostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ConfigurationException("POSTGRES_CONNECTION", "has no Host");
            }
        }
        catch (ArgumentException)
        {
            // The exception text may quote the connection string, password included: do not pass it on.
            throw new ConfigurationException("POSTGRES_CONNECTION", "is not a valid Npgsql connection string");
        }
    }

    private static void EnsureValidRedis(string configuration)
    {
        try
        {
            if (ConfigurationOptions.Parse(configuration).EndPoints.Count == 0)
            {
                throw new ConfigurationException("REDIS_CONNECTION", "names no endpoint");
            }
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException("REDIS_CONNECTION", "is not a valid StackExchange.Redis configuration string");
        }
    }
}

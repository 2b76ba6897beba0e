using System.Net;

namespace GoldenPath.Platform.Common.Configuration;

/// <summary>The validated configuration both services run with (see stack/README.md).</summary>
public sealed record PlatformSettings(
    string PostgresConnection,
    string RedisConnection,
    JwtSettings Jwt,
    IPAddress BindAddress,
    int Port,
    int? ParentProcessId,
    Faults.FaultSwitches Faults,
    PlatformVariant Variant,
    TlsCertificateFiles? Tls)
{
    /// <summary>The wire format (GOLDENPATH_DIALECT); an init property, so existing constructions keep protocol-1.2.</summary>
    public PlatformDialect Dialect { get; init; } = PlatformDialect.Protocol12;
}

/// <summary>PEM files of the certificate (and its key) to serve HTTPS and WSS with; null serves plain HTTP.</summary>
public sealed record TlsCertificateFiles(string CertificatePath, string KeyPath);

public sealed record JwtSettings(
    string SecretKey,
    string Issuer,
    string Audience,
    TimeSpan AccessLifetime,
    TimeSpan RefreshLifetime)
{
    /// <summary>Keeps the key out of logs and exception messages.</summary>
    public override string ToString() =>
        $"JwtSettings {{ Issuer = {Issuer}, Audience = {Audience}, AccessLifetime = {AccessLifetime}, RefreshLifetime = {RefreshLifetime} }}";
}

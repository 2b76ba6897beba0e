using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>With DOCKER_TLS_VERIFY, the probe speaks TLS with the client certificate of DOCKER_CERT_PATH and trusts only its ca.pem.</summary>
[Unit]
public sealed class DockerTlsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-tls-");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public DockerTlsTests() => listener.Start();

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Dispose()
    {
        listener.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task An_engine_whose_certificate_the_ca_signed_answers_over_TLS_and_sees_the_client_certificate()
    {
        using var authority = Authority("goldenpath test CA");
        WriteCertPath(authority);
        X509Certificate? clientSeen = null;
        var serving = ServeVersionAsync(Issue(authority, "127.0.0.1"), client => clientSeen = client);

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse($"tcp://127.0.0.1:{Port}", folder.FullName), TimeSpan.FromSeconds(5));
        await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // a probe that never connected leaves the server waiting: fail, do not hang

        status.Version.Should().Be("27.3.1", status.Summary); // Answered, or Unusable when this machine has no docker CLI: either way the engine answered
        clientSeen!.Subject.Should().Be("CN=goldenpath client");
    }

    [Fact]
    public async Task An_engine_whose_certificate_another_ca_signed_is_a_rejected_handshake()
    {
        using var trusted = Authority("goldenpath test CA");
        using var other = Authority("someone else's CA");
        WriteCertPath(trusted);
        var serving = ServeVersionAsync(Issue(other, "127.0.0.1"), _ => { });

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse($"tcp://127.0.0.1:{Port}", folder.FullName), TimeSpan.FromSeconds(5));
        await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // a probe that never connected leaves the server waiting: fail, do not hang

        status.Finding.Should().StartWith($"the TLS handshake with the engine at tcp://127.0.0.1:{Port} failed (");
        status.Fix.Should().Be($"DOCKER_CERT_PATH ({folder.FullName}) must hold the ca.pem, cert.pem and key.pem this engine was set up with; or unset DOCKER_TLS_VERIFY for a plain tcp:// engine");
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string name, bool client = false)
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var usage = new OidCollection { client ? new Oid("1.3.6.1.5.5.7.3.2") : new Oid("1.3.6.1.5.5.7.3.1") };
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usage, false));
        if (!client)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Parse(name));
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    private void WriteCertPath(X509Certificate2 authority)
    {
        using var client = Issue(authority, "goldenpath client", client: true);
        File.WriteAllText(Path.Combine(folder.FullName, "ca.pem"), authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder.FullName, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder.FullName, "key.pem"), client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>One connection: a TLS handshake asking for a client certificate, then a canned GET /version answer.</summary>
    private async Task ServeVersionAsync(X509Certificate2 certificate, Action<X509Certificate?> clientCertificate)
    {
        using var _ = certificate;
        using var connection = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(connection.GetStream(), false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, ClientCertificateRequired = true });
            clientCertificate(tls.RemoteCertificate);
            using var request = new StreamReader(tls, leaveOpen: true);
            while (!string.IsNullOrEmpty(await request.ReadLineAsync()))
            {
            }

            const string body = DockerProbeFindingTests.Engine27;
            await tls.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // The client refused this certificate; under TLS 1.3 the server may learn it only after its side of the handshake.
        }
    }
}

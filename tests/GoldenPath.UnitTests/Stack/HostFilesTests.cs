using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>A file a service's environment names on this machine is copied into its container and the variable points at the copy.</summary>
[Unit]
public sealed class HostFilesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-hostfiles-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_path_variable_naming_an_existing_file_is_rewritten_and_the_file_copied()
    {
        var certificate = Path.Combine(folder.FullName, "server.crt");
        File.WriteAllText(certificate, "-----BEGIN CERTIFICATE-----");

        var (environment, files) = HostFiles.ForContainer(new Dictionary<string, string>
        {
            ["TLS_CERTIFICATE_PATH"] = certificate,
            ["JWT_ISSUER"] = certificate, // not a *_PATH variable: left alone
            ["TLS_KEY_PATH"] = Path.Combine(folder.FullName, "missing.key"), // no such file: left alone, the service says so
        });

        environment["TLS_CERTIFICATE_PATH"].Should().Be($"{HostFiles.ContainerDirectory}/tls_certificate_path-server.crt");
        environment["JWT_ISSUER"].Should().Be(certificate);
        environment["TLS_KEY_PATH"].Should().EndWith("missing.key");
        files.Should().ContainSingle().Which.Path.Should().Be(environment["TLS_CERTIFICATE_PATH"]);
    }
}

using System.Net.Sockets;
using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>Without an engine, the probe says why in the words of the auto line and of the containers diagnosis.</summary>
[Unit]
public sealed class DockerEngineProbeTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-probe-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task A_missing_socket_is_named_with_its_path_and_the_fix()
    {
        var socket = Path.Combine(folder.FullName, "docker.sock");

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse("unix://" + socket), TimeSpan.FromSeconds(2));

        status.Answers.Should().BeFalse();
        status.Summary.Should().Be($"no Docker engine: the Docker socket was not found ({socket})");
        status.ToStartException().Message.Should().Contain("fix: install and start it");
    }

    [Fact]
    public async Task A_daemon_that_accepts_but_never_answers_is_a_daemon_that_does_not_answer()
    {
        var path = Path.Combine(folder.FullName, "hung.sock");
        using var hung = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        hung.Bind(new UnixDomainSocketEndPoint(path));
        hung.Listen(); // connections queue up; nothing ever reads them

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse("unix://" + path), TimeSpan.FromSeconds(1));

        status.Summary.Should().Be($"no Docker engine: the Docker daemon is not answering at unix://{path} (no answer within 1 s)");
        status.Fix.Should().Contain("start or restart the daemon");
    }

    [Fact]
    public async Task An_ssh_address_is_not_spoken_here()
    {
        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse("ssh://builder@example"), TimeSpan.FromSeconds(2));

        status.Summary.Should().Be("no Docker engine: DOCKER_HOST=ssh://builder@example is an ssh:// address, which this suite does not speak");
    }

    [Fact]
    public async Task A_missing_pipe_is_Docker_Desktop_not_running_on_Windows_and_an_address_not_spoken_elsewhere()
    {
        var address = $"npipe:////./pipe/goldenpath-{Guid.NewGuid():N}";

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse(address), TimeSpan.FromSeconds(2));

        status.Finding.Should().Be(OperatingSystem.IsWindows()
            ? $"Docker Desktop is not running (no engine at {address})"
            : $"DOCKER_HOST={address} is a Windows named pipe, and this machine is not Windows");
    }

    [Fact]
    public async Task TLS_without_its_certificate_files_names_the_missing_ones_before_connecting()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "ca.pem"), "-----BEGIN CERTIFICATE-----");

        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse("tcp://127.0.0.1:9", folder.FullName), TimeSpan.FromSeconds(2));

        status.Finding.Should().Be($"DOCKER_TLS_VERIFY is set, but DOCKER_CERT_PATH ({folder.FullName}) has no cert.pem, key.pem");
    }

    [Fact]
    public void An_engine_that_answers_is_named_with_its_version_and_address()
    {
        var status = DockerEngineStatus.Answered(DockerEndpoint.Parse(DockerEndpoint.DefaultAddress), "20.10.24", "1.41");

        status.Summary.Should().Be("Docker engine 20.10.24 answered at unix:///var/run/docker.sock");
    }
}

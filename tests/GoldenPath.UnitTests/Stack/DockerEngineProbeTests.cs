using System.Net.Sockets;
using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>Without an engine, the probe says why in the words of the auto line and of the containers diagnosis.</summary>
[Trait("Category", "Unit")]
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
    public async Task An_address_the_suite_cannot_speak_to_says_so()
    {
        var status = await DockerEngineProbe.ProbeAsync(DockerEndpoint.Parse("ssh://builder@example"), TimeSpan.FromSeconds(2));

        status.Summary.Should().StartWith("no Docker engine: DOCKER_HOST=ssh://builder@example is not a unix:// or tcp:// address");
    }

    [Fact]
    public void An_engine_that_answers_is_named_with_its_version_and_address()
    {
        var status = DockerEngineStatus.Answered(DockerEndpoint.Parse(DockerEndpoint.DefaultAddress), "20.10.24", "1.41");

        status.Summary.Should().Be("Docker engine 20.10.24 answered at unix:///var/run/docker.sock");
    }
}

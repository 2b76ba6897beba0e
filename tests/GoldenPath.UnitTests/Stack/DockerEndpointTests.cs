using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>DOCKER_HOST (and, without it, the platform's default) is read as the docker CLI reads it.</summary>
[Unit]
public sealed class DockerEndpointTests
{
    [Fact]
    public void A_unix_address_is_a_local_socket()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/user/1000/docker.sock");

        endpoint.SocketPath.Should().Be("/run/user/1000/docker.sock");
        endpoint.IsLocal.Should().BeTrue();
        endpoint.IsSpokenOn(windows: false).Should().BeTrue();
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2375", "http://10.0.0.5:2375/")]
    [InlineData("tcp://10.0.0.5", "http://10.0.0.5:2375/")]
    [InlineData("tcp://[::1]:2375", "http://[::1]:2375/")]
    public void A_tcp_address_is_plain_http_to_a_remote_engine_on_2375_unless_it_names_a_port(string address, string url)
    {
        var endpoint = DockerEndpoint.Parse(address);

        endpoint.TcpUrl.Should().Be(new Uri(url));
        endpoint.IsLocal.Should().BeFalse();
        endpoint.TlsCertPath.Should().BeNull();
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine", "docker_engine")]
    [InlineData("npipe:////./pipe/dockerDesktopLinuxEngine", "dockerDesktopLinuxEngine")]
    [InlineData("npipe://./pipe/docker_engine", "docker_engine")]
    [InlineData(@"npipe://\\.\pipe\docker_engine", "docker_engine")]
    public void A_named_pipe_on_this_machine_is_spoken_on_Windows_only(string address, string pipe)
    {
        var endpoint = DockerEndpoint.Parse(address);

        endpoint.PipeName.Should().Be(pipe);
        endpoint.IsLocal.Should().BeTrue();
        endpoint.IsSpokenOn(windows: true).Should().BeTrue();
        endpoint.IsSpokenOn(windows: false).Should().BeFalse();
    }

    [Theory]
    [InlineData("ssh://builder@example")]
    [InlineData("npipe:////buildhost/pipe/docker_engine")]
    [InlineData("npipe:////./pipe/")]
    [InlineData("tcp://:2375")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("docker.example:2375")]
    public void An_address_this_suite_cannot_reach_keeps_only_the_address(string address)
    {
        var endpoint = DockerEndpoint.Parse(address);

        endpoint.Should().Be(new DockerEndpoint(address, null, null));
        endpoint.IsSpokenOn(windows: true).Should().BeFalse();
    }

    [Theory]
    [InlineData(true, "npipe:////./pipe/docker_engine", null, "docker_engine")]
    [InlineData(false, "unix:///var/run/docker.sock", "/var/run/docker.sock", null)]
    public void Without_DOCKER_HOST_the_default_is_the_platform_s_own(bool windows, string address, string? socket, string? pipe)
    {
        var endpoint = DockerEndpoint.FromEnvironment(Variables(), windows);

        endpoint.Should().Be(new DockerEndpoint(address, socket, null, pipe));
    }

    [Fact]
    public void DOCKER_HOST_wins_over_the_Windows_default()
    {
        var endpoint = DockerEndpoint.FromEnvironment(Variables(("DOCKER_HOST", "npipe:////./pipe/dockerDesktopLinuxEngine")), windows: true);

        endpoint.PipeName.Should().Be("dockerDesktopLinuxEngine");
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_makes_tcp_https_on_2376_with_the_certificates_of_DOCKER_CERT_PATH()
    {
        var endpoint = DockerEndpoint.FromEnvironment(
            Variables(("DOCKER_HOST", "tcp://docker.example"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/etc/docker-certs")), windows: false);

        endpoint.TcpUrl.Should().Be(new Uri("https://docker.example:2376/"));
        endpoint.TlsCertPath.Should().Be("/etc/docker-certs");
    }

    [Theory]
    [InlineData(false, "HOME", "/home/dev")]
    [InlineData(true, "USERPROFILE", @"C:\Users\dev")]
    public void Without_DOCKER_CERT_PATH_the_certificates_are_in_the_user_s_dot_docker(bool windows, string home, string folder)
    {
        var endpoint = DockerEndpoint.FromEnvironment(Variables(("DOCKER_HOST", "tcp://docker.example:2376"), ("DOCKER_TLS_VERIFY", "1"), (home, folder)), windows);

        endpoint.TlsCertPath.Should().Be(Path.Combine(folder, ".docker"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("")]
    public void A_DOCKER_TLS_VERIFY_that_says_no_leaves_tcp_plain(string verify)
    {
        var endpoint = DockerEndpoint.FromEnvironment(Variables(("DOCKER_HOST", "tcp://docker.example:2375"), ("DOCKER_TLS_VERIFY", verify)), windows: false);

        endpoint.TcpUrl.Should().Be(new Uri("http://docker.example:2375/"));
        endpoint.TlsCertPath.Should().BeNull();
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.Where(variable => variable.Name == name).Select(variable => variable.Value).FirstOrDefault();
}

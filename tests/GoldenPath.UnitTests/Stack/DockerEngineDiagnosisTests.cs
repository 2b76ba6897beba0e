using GoldenPath.Fixtures.Stack.Containers;
using static GoldenPath.Fixtures.Stack.Containers.DockerProbeFinding;

namespace GoldenPath.UnitTests.Stack;

/// <summary>Each probe finding reads as what happened and the fix for the platform it happened on: a Linux daemon or Docker Desktop.</summary>
[Unit]
public sealed class DockerEngineDiagnosisTests
{
    private static readonly DockerEndpoint DesktopPipe = DockerEndpoint.Parse(DockerEndpoint.WindowsDefaultAddress);
    private static readonly DockerEndpoint LinuxSocket = DockerEndpoint.Parse(DockerEndpoint.DefaultAddress);

    [Fact]
    public void No_pipe_on_Windows_is_Docker_Desktop_not_running_with_how_to_start_it()
    {
        var status = DockerEngineDiagnosis.Describe(DesktopPipe, new NoEngine(), windows: true);

        status.Summary.Should().Be("no Docker engine: Docker Desktop is not running (no engine at npipe:////./pipe/docker_engine)");
        status.Fix.Should().Be(
            "start Docker Desktop from the Start menu, or & \"$Env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe\", or docker desktop start " +
            "(Docker Desktop 4.37+), then wait until it says \"Engine running\"; the processes stack (--stack processes) needs Linux or macOS: run it under WSL");
    }

    [Fact]
    public void No_pipe_names_the_pipe_DOCKER_HOST_chose()
    {
        var status = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse("npipe:////./pipe/dockerDesktopLinuxEngine"), new NoEngine(), windows: true);

        status.Finding.Should().Be("Docker Desktop is not running (no engine at npipe:////./pipe/dockerDesktopLinuxEngine)");
    }

    [Fact]
    public void No_socket_on_Linux_names_the_socket_and_how_to_install_and_start_the_daemon()
    {
        var status = DockerEngineDiagnosis.Describe(LinuxSocket, new NoEngine(), windows: false);

        status.Summary.Should().Be("no Docker engine: the Docker socket was not found (/var/run/docker.sock)");
        status.Fix.Should().StartWith("install and start it: apt-get install docker.io, then dockerd").And.EndWith("or run on the processes stack (--stack processes)");
    }

    [Fact]
    public void Permission_denied_on_the_Linux_socket_names_the_user_and_the_docker_group()
    {
        var status = DockerEngineDiagnosis.Describe(LinuxSocket, new PermissionDenied("alice"), windows: false);

        status.Finding.Should().Be("permission denied on /var/run/docker.sock (user alice)");
        status.Fix.Should().StartWith("add the user to the docker group (sudo usermod -aG docker $USER, then log in again)");
    }

    [Fact]
    public void Permission_denied_on_the_Windows_pipe_names_the_docker_users_group()
    {
        var status = DockerEngineDiagnosis.Describe(DesktopPipe, new PermissionDenied("alice"), windows: true);

        status.Finding.Should().Be("permission denied on npipe:////./pipe/docker_engine (user alice)");
        status.Fix.Should().Be("add the user to the docker-users group: Add-LocalGroupMember -Group docker-users -Member $Env:USERNAME (as administrator), then sign out and in again");
    }

    [Fact]
    public void A_silent_Linux_daemon_is_to_be_restarted()
    {
        var status = DockerEngineDiagnosis.Describe(LinuxSocket, new NotAnswering("no answer within 5 s"), windows: false);

        status.Summary.Should().Be("no Docker engine: the Docker daemon is not answering at unix:///var/run/docker.sock (no answer within 5 s)");
        status.Fix.Should().StartWith("start or restart the daemon: dockerd");
    }

    [Fact]
    public void A_silent_Docker_Desktop_may_still_be_starting()
    {
        var status = DockerEngineDiagnosis.Describe(DesktopPipe, new NotAnswering("no answer within 5 s"), windows: true);

        status.Finding.Should().Be("the Docker daemon is not answering at npipe:////./pipe/docker_engine (no answer within 5 s)");
        status.Fix.Should().Be("Docker Desktop may still be starting: wait until it says \"Engine running\"; else restart it (docker desktop restart, or Troubleshoot > Restart)");
    }

    [Fact]
    public void An_API_mismatch_names_both_sides_and_the_version_to_speak()
    {
        var status = DockerEngineDiagnosis.Describe(LinuxSocket, new ApiMismatch("1.47", "20.10.24", "1.12", "1.41"), windows: false);

        status.Answers.Should().BeFalse();
        status.Summary.Should().Be(
            "the Docker engine cannot be used: API version mismatch: DOCKER_API_VERSION=1.47, but Docker engine 20.10.24 at unix:///var/run/docker.sock speaks API 1.12 to 1.41");
        status.Fix.Should().Be("unset DOCKER_API_VERSION (the suite then speaks the engine's 1.41) or set it to 1.41; or upgrade the engine");
    }

    [Theory]
    [InlineData(false, "install the CLI: apt-get install docker.io (or docker-ce-cli)")]
    [InlineData(true, "add Docker Desktop's $Env:ProgramFiles\\Docker\\Docker\\resources\\bin to PATH")]
    public void An_engine_without_the_CLI_says_where_the_CLI_comes_from(bool windows, string fix)
    {
        var status = DockerEngineDiagnosis.Describe(windows ? DesktopPipe : LinuxSocket, new CliMissing("27.3.1"), windows);

        status.Finding.Should().EndWith("but the docker CLI is not on PATH (the cleanup watchdog needs it)");
        status.Fix.Should().Be(fix);
    }

    [Fact]
    public void A_400_from_a_plain_tcp_engine_hints_at_TLS()
    {
        var status = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse("tcp://docker.example:2376"), new BadStatus(400), windows: false);

        status.Finding.Should().Be("the engine at tcp://docker.example:2376 answered GET /version with 400");
        status.Fix.Should().Be("it probably speaks TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder holding its ca.pem, cert.pem and key.pem");
    }

    [Fact]
    public void A_500_from_Docker_Desktop_is_an_engine_still_starting()
    {
        var status = DockerEngineDiagnosis.Describe(DesktopPipe, new BadStatus(500), windows: true);

        status.Finding.Should().Be("the engine at npipe:////./pipe/docker_engine answered GET /version with 500");
        status.Fix.Should().StartWith("Docker Desktop may still be starting");
    }

    [Fact]
    public void Missing_TLS_files_are_named_with_the_folder_they_are_missing_from()
    {
        var status = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse("tcp://docker.example", "/etc/docker-certs"), new TlsFilesMissing(["cert.pem", "key.pem"]), windows: false);

        status.Finding.Should().Be("DOCKER_TLS_VERIFY is set, but DOCKER_CERT_PATH (/etc/docker-certs) has no cert.pem, key.pem");
        status.Fix.Should().EndWith("or unset DOCKER_TLS_VERIFY for a plain tcp:// engine");
    }

    [Theory]
    [InlineData("ssh://builder@example", "ssh -NL 127.0.0.1:23750:/var/run/docker.sock builder@example,")]
    [InlineData("ssh://builder@example:2222", "ssh -NL 127.0.0.1:23750:/var/run/docker.sock builder@example -p 2222,")]
    public void An_ssh_address_is_not_spoken_here_and_the_fix_forwards_it_to_tcp(string address, string forward)
    {
        var status = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse(address), new Unspoken(), windows: false);

        status.Finding.Should().Be($"DOCKER_HOST={address} is an ssh:// address, which this suite does not speak");
        status.Fix.Should().Contain(forward).And.Contain("set DOCKER_HOST=tcp://127.0.0.1:23750;").And.EndWith("or run on the processes stack (--stack processes)");
    }

    [Fact]
    public void A_pipe_off_Windows_says_this_machine_is_not_Windows()
    {
        var status = DockerEngineDiagnosis.Describe(DesktopPipe, new Unspoken(), windows: false);

        status.Finding.Should().Be("DOCKER_HOST=npipe:////./pipe/docker_engine is a Windows named pipe, and this machine is not Windows");
        status.Fix.Should().Be("unset DOCKER_HOST (the default is unix:///var/run/docker.sock) or point it at a unix:// socket or a tcp:// engine");
    }

    [Theory]
    [InlineData(false, "unset DOCKER_HOST (the default is unix:///var/run/docker.sock) or point")]
    [InlineData(true, "unset DOCKER_HOST (the default is npipe:////./pipe/docker_engine) or point")]
    public void A_garbled_address_names_the_schemes_spoken_and_this_platform_s_default(bool windows, string fix)
    {
        var status = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse("docker.example:2375"), new Unspoken(), windows);

        status.Summary.Should().Be("no Docker engine: DOCKER_HOST=docker.example:2375 is not a unix://, npipe:// or tcp:// address this suite can reach");
        status.Fix.Should().StartWith(fix);
    }
}

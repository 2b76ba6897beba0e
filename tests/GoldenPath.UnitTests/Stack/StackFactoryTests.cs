using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Stack.Containers;

namespace GoldenPath.UnitTests.Stack;

/// <summary>The auto stack: containers when the engine answers; else processes, except on Windows, where only containers can run.</summary>
[Unit]
public sealed class StackFactoryTests
{
    private static readonly DockerEndpoint DesktopPipe = DockerEndpoint.Parse(DockerEndpoint.WindowsDefaultAddress);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_engine_that_answers_is_containers_on_any_platform(bool windows)
    {
        var choice = StackFactory.ChooseAuto(DockerEngineStatus.Answered(DesktopPipe, "27.3.1", "1.47"), windows);

        choice.Should().Be((StackProvider.Containers, "stack: containers — Docker engine 27.3.1 answered at npipe:////./pipe/docker_engine"));
    }

    [Fact]
    public void Without_an_engine_Linux_falls_back_to_processes()
    {
        var engine = DockerEngineDiagnosis.Describe(DockerEndpoint.Parse(DockerEndpoint.DefaultAddress), new DockerProbeFinding.NoEngine(), windows: false);

        StackFactory.ChooseAuto(engine, windows: false).Should().Be(
            (StackProvider.Processes, "stack: processes — no Docker engine: the Docker socket was not found (/var/run/docker.sock)"));
    }

    [Fact]
    public void Without_an_engine_Windows_stays_on_containers_so_the_run_fails_with_how_to_start_Docker_Desktop()
    {
        var engine = DockerEngineDiagnosis.Describe(DesktopPipe, new DockerProbeFinding.NoEngine(), windows: true);

        StackFactory.ChooseAuto(engine, windows: true).Should().Be((StackProvider.Containers,
            "stack: containers — no Docker engine: Docker Desktop is not running (no engine at npipe:////./pipe/docker_engine); the processes stack needs Linux or macOS"));
        engine.ToStartException().Message.Should().Contain("fix: start Docker Desktop from the Start menu");
    }
}

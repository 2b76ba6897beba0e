using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.UnitTests.Stack;

/// <summary>The startup-time spec judges only a stack this run started; on a remote one it fails with a diagnosis instead of passing on zero.</summary>
[Unit]
public sealed class StackStartupMeasureTests
{
    [Fact]
    public void A_remote_stack_has_no_startup_time_to_judge_and_says_so()
    {
        var remote = new RemoteStack(new StackEndpoints(new Uri("http://10.0.0.5:8081"), new Uri("http://10.0.0.5:8000"), new Uri("ws://10.0.0.5:8000/ws")), null);

        var measure = () => StackStartup.Measured(remote);

        measure.Should().Throw<GoldenPathException>()
            .WithMessage("the stack remote (auth http://10.0.0.5:8081/*was not started by this run*not measured*ReferenceStack spec*--stack processes or containers*");
    }

    [Fact]
    public void A_stack_this_run_started_gives_its_startup_time()
    {
        StackStartup.Measured(new StartedStack(TimeSpan.FromSeconds(2.5))).Should().Be(TimeSpan.FromSeconds(2.5));
    }

    private sealed class StartedStack(TimeSpan startup) : IPlatformStack
    {
        public string Description => "processes (test)";

        public StackEndpoints Endpoints { get; } = new(new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2"), new Uri("ws://127.0.0.1:2/ws"));

        public TokenSettings? Tokens => null;

        public TimeSpan StartupTime => startup;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using CliWrap;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Run;

/// <summary>
/// Runs a child (dotnet build, a test project's executable, the image build) with its output through the display. On Ctrl-C or SIGTERM
/// the child gets an interrupt first, so a test run tears its stack down, and is killed if it is still there 30 s later.
/// </summary>
internal static class ChildRun
{
    private static readonly TimeSpan GraceAfterInterrupt = TimeSpan.FromSeconds(30);

    /// <param name="quiet">Show the output only when the child fails (a build's summary says nothing when it succeeds).</param>
    public static async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, ProgressDisplay display, CancellationToken interrupted,
        IReadOnlyDictionary<string, string?>? environment = null, bool quiet = false)
    {
        var held = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Action<string> output = quiet ? held.Enqueue : display.Output;
        using var kill = new CancellationTokenSource();
        await using var escalate = interrupted.Register(() => kill.CancelAfter(GraceAfterInterrupt));
        try
        {
            var result = await CliWrap.Cli.Wrap(program).WithArguments(arguments)
                .WithWorkingDirectory(GoldenPath.Fixtures.RepositoryLayout.Root)
                .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(output))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(output))
                .ExecuteAsync(kill.Token, interrupted).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                foreach (var line in held)
                {
                    display.Output(line);
                }
            }

            return result.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
    }
}

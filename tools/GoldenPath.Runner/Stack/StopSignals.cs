using System.Runtime.InteropServices;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// Cancels <c>signalled</c> on Ctrl-C or SIGTERM and leaves the rest to the other handlers. .NET runs a signal's handlers
/// last registered first, and a processes stack tears itself down in handlers of its own (ExitHooks) before System.CommandLine
/// cancels the action's token: registered after the stack started, this one runs before that teardown, so no tick or journey mistakes
/// the teardown for an outage (watch, slo). It must not end the command: System.CommandLine's handler, which runs last, cancels a token
/// source that it disposes once the action has returned.
/// </summary>
internal sealed class StopSignals(CancellationTokenSource signalled) : IDisposable
{
    private readonly PosixSignalRegistration[] registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Signal(signalled)),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Signal(signalled)),
    ];

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private static void Signal(CancellationTokenSource signalled)
    {
        try
        {
            signalled.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the watch has already ended
        }
    }
}

namespace GoldenPath.Runner.Cli;

/// <summary>What run-tests.sh and run-tests.ps1 exit with, every command alike (docs and CI read these).</summary>
internal static class ExitCodes
{
    /// <summary>Tests ran and none failed; the check or measurement held.</summary>
    public const int Passed = 0;

    /// <summary>A test, check or threshold failed, nothing ran, or the platform was unavailable.</summary>
    public const int Failed = 1;

    /// <summary>A request the runner cannot carry out as asked: a wrong option, a missing environment file (<see cref="UsageException"/>).</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT), after tearing down what it started.</summary>
    public const int Interrupted = 130;
}

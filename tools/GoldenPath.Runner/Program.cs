using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Concurrency;

// The runner behind run-tests.sh and run-tests.ps1 (which only bootstrap it): ./run-tests.sh --help lists what it does.
// An exception nothing caught is never the person's first line (RunnerCrash): one line, the stack trace in run-report.txt.
AppDomain.CurrentDomain.UnhandledException += (_, e) => System.Environment.Exit(RunnerCrash.Report((Exception)e.ExceptionObject));
try
{
    return await RunnerCli.InvokeAsync(args);
}
catch (Exception crash)
{
    return RunnerCrash.Report(crash);
}

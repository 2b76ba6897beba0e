using GoldenPath.Runner.Progress;

namespace GoldenPath.Runner.Concurrency;

/// <summary>
/// An exception nothing else caught: a bug in the runner, not a finding about the platform. The person sees one line that
/// says so and what to do; the stack trace goes to run-report.txt in the results folder (the running command's, else the
/// default results root). Exit <see cref="ExitCode"/>.
/// </summary>
internal static class RunnerCrash
{
    public const int ExitCode = 3; // beside ExitCodes (Cli): a crash of the runner itself

    public static int Report(Exception crash)
    {
        var report = Write(crash);
        var message = crash.Message.Split('\n', 2)[0].Trim();
        Say.Error($"the runner itself failed ({crash.GetType().Name}: {message}); this is a bug in run-tests, not a verdict on the platform. " +
                  $"{(report is null ? "Its stack trace follows." : $"Its stack trace is in {report}.")} Run again; if it repeats, report it with that file.");
        if (report is null)
        {
            Console.Error.WriteLine(crash);
        }

        return ExitCode;
    }

    private static string? Write(Exception crash)
    {
        try
        {
            var folder = ResultsFolder.Current ?? ResultsFolder.DefaultRoot;
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "run-report.txt");
            File.AppendAllText(file, $"{DateTime.Now:yyyy-MM-dd HH:mm:ss} the runner failed (pid {System.Environment.ProcessId}, run-tests {string.Join(' ', System.Environment.GetCommandLineArgs().Skip(1))}):{System.Environment.NewLine}{crash}{System.Environment.NewLine}");
            return file;
        }
        catch (Exception)
        {
            return null; // no folder to write to (the repository not found, a read-only disk): the trace goes to the console instead
        }
    }
}

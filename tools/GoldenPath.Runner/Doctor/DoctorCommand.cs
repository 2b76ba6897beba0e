using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Runner.Cli;
using GoldenPath.Runner.Stack;

namespace GoldenPath.Runner.Doctor;

/// <summary>Checks the selected environment layer by layer (the preflight every test assembly runs, through the pipeline every command uses) and prints the table; exit 1 at a broken layer.</summary>
internal static class DoctorCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings, CancellationToken interrupted)
    {
        var environment = settings.ApplyAndLoad();
        Console.WriteLine($"doctor: environment '{environment.Name}' ({environment.Stack.Provider}), dialect {environment.Dialect.Name} (protocol.dialect)");

        // The table is the doctor's answer, also (above all) when the preflight fails.
        return await PlatformSession.RunAsync("doctor", settings, environment, async (platform, _, _) =>
        {
            var report = platform.Preflight!;
            Console.WriteLine(report.Table());
            Console.WriteLine(report.Diagnosis);
            if (!report.Passed)
            {
                return ExitCodes.Failed;
            }

            // The welcome fitted the dialect; one run tells whether the events do too.
            try
            {
                var (fits, line) = await Fixtures.Dialects.FirstRunFit.CheckAsync(platform.Stack.Endpoints, environment, await platform.NewUserAsync("doctor-run").ConfigureAwait(false)).ConfigureAwait(false);
                Console.WriteLine("doctor: " + line);
                return fits ? ExitCodes.Passed : ExitCodes.Failed;
            }
            catch (GoldenPathException e)
            {
                Console.WriteLine("doctor: first run: " + SecretMasker.Apply(e.Message.Split('\n')[0]));
                return ExitCodes.Failed;
            }
        }, interrupted, workWithFailedPreflight: true).ConfigureAwait(false);
    }
}

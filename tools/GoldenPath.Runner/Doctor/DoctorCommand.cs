using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Preflight;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Users;
using GoldenPath.Runner.Cli;

namespace GoldenPath.Runner.Doctor;

/// <summary>Checks the selected environment layer by layer (the preflight every test assembly runs) and prints the table; exit 1 at a broken layer.</summary>
internal static class DoctorCommand
{
    public static async Task<int> ExecuteAsync(RunSettings settings)
    {
        GoldenPathEnvironment environment;
        IPlatformStack stack;
        try
        {
            environment = settings.ApplyAndLoad();
            Console.WriteLine($"doctor: environment '{environment.Name}' ({environment.Stack.Provider}), dialect {environment.Dialect.Name} (protocol.dialect)");
            stack = await StackFactory.StartAsync(environment).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not UsageException)
        {
            Console.WriteLine("doctor: " + SecretMasker.Apply(e.Message));
            return ExitCodes.Failed;
        }

        await using (stack)
        {
            var users = UserSources.For(environment, stack);
            var report = await new PlatformPreflight(stack.Endpoints, environment.Budgets, () => users.NextAsync("doctor")).RunAsync().ConfigureAwait(false);
            Console.WriteLine(report.Table());
            Console.WriteLine(report.Diagnosis);
            if (!report.Passed)
            {
                return ExitCodes.Failed;
            }

            // The welcome fitted the dialect; one run tells whether the events do too.
            try
            {
                var (fits, line) = await Fixtures.Dialects.FirstRunFit.CheckAsync(stack.Endpoints, environment, await users.NextAsync("doctor-run").ConfigureAwait(false)).ConfigureAwait(false);
                Console.WriteLine("doctor: " + line);
                return fits ? ExitCodes.Passed : ExitCodes.Failed;
            }
            catch (GoldenPathException e)
            {
                Console.WriteLine("doctor: first run: " + SecretMasker.Apply(e.Message.Split('\n')[0]));
                return ExitCodes.Failed;
            }
        }
    }
}

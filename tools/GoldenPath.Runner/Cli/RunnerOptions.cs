using System.CommandLine;

namespace GoldenPath.Runner.Cli;

/// <summary>
/// The options commands share. Each command declares the ones it uses (<see cref="AddTo"/>), so an option a command would
/// ignore (<c>slo --layer unit</c>) is an error, not silently dropped.
/// </summary>
internal sealed class RunnerOptions
{
    public Option<string?> Layer { get; } = new("--layer") { Description = "one layer: unit, integration or e2e (default: all three, in that order)", HelpName = "unit|integration|e2e" };

    public Option<string?> Env { get; } = new("--env") { Description = "the environment file environments/NAME.json (default: $GOLDENPATH_ENV, else local)", HelpName = "NAME" };

    public Option<string?> Stack { get; } = new("--stack") { Description = "override the environment's stack provider", HelpName = "processes|containers|auto|remote" };

    public Option<string?> Filter { get; } = new("--filter") { Description = "a test filter in dotnet test's (VSTest) language, e.g. \"Category=GoldenPath\"", HelpName = "EXPR" };

    public Option<string> Configuration { get; } = new("--configuration", "-c") { Description = "build configuration", HelpName = "Debug|Release", DefaultValueFactory = _ => "Debug" };

    public Option<string?> Results { get; } = new("--results") { Description = "where TRX, JUnit, the run report and the job summary go, started afresh (default: a new folder under ./results, ./results/latest points at it)", HelpName = "DIR" };

    public Option<bool> NoBuild { get; } = new("--no-build") { Description = "use the existing build" };

    public Option<bool> NoInstall { get; } = new("--no-install") { Description = "do not install missing prerequisites (postgresql, redis-server, chromium): print the command instead" };

    public Option<bool> Coverage { get; } = new("--coverage") { Description = "collect coverage in a filtered run too (a run without --filter always does; coverlet.MTP)" };

    public Option<int> Repeat { get; } = new("--repeat") { Description = "run the selection N times and report, per test, passes and failures (flaky: both)", HelpName = "N", DefaultValueFactory = _ => 1 };

    public RunnerOptions()
    {
        Layer.AcceptOnlyFromAmong("unit", "integration", "e2e");
        Stack.AcceptOnlyFromAmong("processes", "containers", "auto", "remote");
        Configuration.AcceptOnlyFromAmong("Debug", "Release");
        Repeat.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--repeat takes a number of runs, 1 or more");
            }
        });
    }

    /// <summary>What a command that starts or points at the platform takes: which environment and stack, built how, results where.</summary>
    public Option[] Platform => [Env, Stack, Configuration, Results, NoBuild, NoInstall];

    /// <summary>Adds <paramref name="options"/> to <paramref name="command"/>; --no-build always (the run-tests shims read it too: no runner build).</summary>
    public static TCommand AddTo<TCommand>(TCommand command, params IEnumerable<Option> options)
        where TCommand : Command
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    public RunSettings Read(ParseResult parse) => new(
        parse.GetValue(Layer),
        parse.GetValue(Env),
        parse.GetValue(Stack),
        parse.GetValue(Filter) is { Length: > 0 } filter ? filter : null,
        parse.GetValue(Configuration) ?? "Debug",
        Path.GetFullPath(parse.GetValue(Results) ?? Concurrency.ResultsFolder.DefaultRoot),
        !parse.GetValue(NoBuild),
        !parse.GetValue(NoInstall),
        parse.GetValue(Repeat),
        parse.GetValue(Coverage) || parse.GetValue(Filter) is not { Length: > 0 },
        parse.GetValue(Results) is { Length: > 0 });
}

using System.CommandLine;
using GoldenPath.Runner.Doctor;
using GoldenPath.Runner.Progress;
using GoldenPath.Runner.Run;
using GoldenPath.Runner.Scale;
using GoldenPath.Runner.Selftest;
using GoldenPath.Runner.Setup;
using GoldenPath.Runner.Shards;
using GoldenPath.Runner.Slo;
using GoldenPath.Runner.Stack;
using GoldenPath.Runner.Watch;

namespace GoldenPath.Runner.Cli;

/// <summary>The commands and options of run-tests.sh and run-tests.ps1; what they exit with: <see cref="ExitCodes"/>.</summary>
internal static class RunnerCli
{
    private const string Description = """
        GoldenPath: build the suite once and run it, every layer or one, optionally filtered; exit 0 only when tests ran and none failed.

        Examples:
          ./run-tests.sh --filter Category=GoldenPath    the golden path on the embedded local stack
          ./run-tests.sh                                 the whole suite
          ./run-tests.sh --repeat 20 --filter Category=GoldenPath   hunt flaky specs
          ./run-tests.sh slo --journeys 50 --concurrency 10         the golden path's success rate and latency percentiles
          ./run-tests.sh scale --users 1000                          isolation at scale: every frame of 1,000 users checked
        """;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Say.Error(error.Message);
            }

            Say.Error("./run-tests.sh --help lists the commands and options");
            return ExitCodes.Usage;
        }

        try
        {
            // On Ctrl-C or SIGTERM the action cancels its child and waits for it (up to 30 s, ChildRun): the stack is torn down before the exit.
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(40) };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            Say.Error(e.Message);
            return ExitCodes.Usage;
        }
    }

    public static RootCommand Build()
    {
        var options = new RunnerOptions();
        var root = new RootCommand(Description);
        RunnerOptions.AddTo(root, [options.Layer, options.Filter, .. options.Platform, options.Repeat, options.Coverage]);
        root.SetAction((parse, cancel) => RunCommand.ExecuteAsync(options.Read(parse), cancel));

        var doctor = RunnerOptions.AddTo(new Command("doctor", "check the environment layer by layer, print the preflight table; exit 1 at the first broken layer"),
            options.Env, options.Stack, options.Configuration, options.NoBuild, options.NoInstall);
        doctor.SetAction((parse, cancel) => DoctorCommand.ExecuteAsync(options.Read(parse), cancel));

        var faults = new Option<string?>("--faults", "--only") { Description = "only these fault switches, comma-separated", HelpName = "a,b" };
        var selftestDialect = new Option<string?>("--dialect") { Description = "the wire format the reference stack speaks and the specs read (a file of dialects/; default: the environment's protocol.dialect)", HelpName = "name" };
        var selftest = RunnerOptions.AddTo(
            new Command("selftest", "requirement × fault: every row's specs on a healthy processes stack, then once per fault switch of the reference stack with the Conformance specs of the requirements it breaks: the matrix by PROTOCOL.md §7 id (selftest.md in its results folder)") { faults, selftestDialect },
            options.Env, options.Configuration, options.Results, options.NoBuild, options.NoInstall);
        selftest.SetAction((parse, cancel) => SelftestCommand.ExecuteAsync(
            options.Read(parse), parse.GetValue(faults)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
            parse.GetValue(selftestDialect), cancel));

        var setup = RunnerOptions.AddTo(
            new Command("setup", "install what a run needs and this machine lacks (postgresql, redis-server, chromium; docker.io and debootstrap for the containers stack), and nothing else"),
            options.Layer, options.Filter, options.Env, options.Stack, options.NoBuild, options.NoInstall);
        setup.SetAction((parse, cancel) => SetupCommand.ExecuteAsync(options.Read(parse), cancel));

        var up = RunnerOptions.AddTo(new Command("up", "start the reference platform on its own, as a deployed one would be; prints its URLs and the export line for GOLDENPATH_ENV=staging"), options.Platform);
        up.SetAction((parse, cancel) => StackCommands.UpAsync(options.Read(parse), cancel));
        var down = RunnerOptions.AddTo(new Command("down", "stop the stack 'stack up' started"), options.Results, options.NoBuild);
        down.SetAction((parse, cancel) => StackCommands.DownAsync(options.Read(parse), cancel));
        var state = new Option<string?>("--state") { Description = "where to write the stack's URLs and pid once it is healthy" };
        var log = new Option<string?>("--log") { Description = "write the output here instead of the console" };
        var serve = RunnerOptions.AddTo(new Command("serve", "run the processes stack in this process until SIGTERM, Ctrl-C or a stop file (what 'stack up' starts)") { state, log }, options.NoBuild);
        serve.Hidden = true;
        serve.SetAction(parse => StackServe.RunAsync(parse.GetValue(state), parse.GetValue(log)));
        var stack = RunnerOptions.AddTo(new Command("stack", "run the reference platform on its own: up or down") { up, down, serve }, options.NoBuild);

        var sloOptions = new SloOptions();
        var sloShards = new ShardOptions();
        var slo = RunnerOptions.AddTo(new Command("slo", "walk N whole golden-path journeys, C at a time; report the success rate and each step's percentiles, check the environment's thresholds (slo.json, slo.html, slo.md, slo.junit.xml); exit 1 when one fails"), options.Platform);
        foreach (var option in sloOptions.All.Concat(sloShards.All))
        {
            slo.Options.Add(option);
        }

        slo.SetAction((parse, cancel) => parse.GetValue(sloOptions.FromHistory) is { } history
            ? Task.FromResult(SloCommand.RenderHistory(options.Read(parse), history))
            : SloCommand.ExecuteAsync(options.Read(parse), sloOptions.Read(parse, sloShards.Read(parse)), cancel));

        var scaleOptions = new ScaleOptions();
        var shardOptions = new ShardOptions();
        var scale = RunnerOptions.AddTo(new Command("scale", "isolation at scale: U users connected at once (some with more tabs) send R runs each; every frame anyone received is checked for another user's data; p95/p99 of handshake, ack, first event and completion against thresholds (scale.json, scale.md); exit 1 on any leak, lost or failed run, or failed threshold"), options.Platform);
        foreach (var option in scaleOptions.All.Concat(shardOptions.All))
        {
            scale.Options.Add(option);
        }

        scale.SetAction((parse, cancel) =>
            ScaleCommand.ExecuteAsync(options.Read(parse) with { Overrides = scaleOptions.Overrides(parse) }, parse.GetValue(scaleOptions.Label), shardOptions.Read(parse), cancel));

        var shardFolders = new Argument<string[]>("DIR") { Description = "the results folder of each shard (scale or slo --shard I/N)", Arity = ArgumentArity.OneOrMore };
        var merge = RunnerOptions.AddTo(
            new Command("merge", "add up the shards of one scale or slo run (--shard I/N) into one verdict: percentiles from the merged histograms, totals, the environment's thresholds, leaks across shards; the same files and exit code as one run") { shardFolders },
            options.Env, options.Results, options.NoBuild);
        merge.SetAction(parse => MergeCommand.Execute(options.Read(parse), parse.GetValue(shardFolders)!));

        root.Subcommands.Add(doctor);
        root.Subcommands.Add(stack);
        root.Subcommands.Add(selftest);
        root.Subcommands.Add(setup);
        root.Subcommands.Add(slo);
        root.Subcommands.Add(scale);
        root.Subcommands.Add(merge);
        root.Subcommands.Add(WatchCommand.Create(options));
        return root;
    }
}

using GoldenPath.Runner.Cli;

// The runner behind run-tests.sh and run-tests.ps1 (which only bootstrap it): ./run-tests.sh --help lists what it does.
return await RunnerCli.InvokeAsync(args);

namespace GoldenPath.Runner.Run;

/// <summary>
/// The command line of a test project's own executable (xUnit v3 on Microsoft.Testing.Platform): the filter in dotnet test's
/// (VSTest) language, the results folder, xUnit's TRX and JUnit reports, and coverlet's coverage. One place, for the run and the selftest.
/// </summary>
internal sealed record TestHostArguments(string Results, string TrxFile)
{
    /// <summary>Microsoft.Testing.Platform's exit code for a run in which no test ran: the runner judges that for the whole run (a project the filter may not reach is started all the same).</summary>
    public const int NoTestRan = 8;

    /// <summary>Where the TRX file will be: the run's outcome is read from it.</summary>
    public string TrxPath => Path.Combine(Results, TrxFile);

    public string? Filter { get; init; }

    public string? JunitFile { get; init; }

    /// <summary>Coverlet's file prefix (the project's name) when coverage is collected, else null.</summary>
    public string? CoveragePrefix { get; init; }

    public IReadOnlyList<string> Build()
    {
        List<string> arguments =
        [
            "--results-directory", Results,
            "--report-xunit-trx", "--report-xunit-trx-filename", TrxFile,
            // A line per test, whatever its outcome ("passed Ns.Class.Method (12ms)"): the progress display counts them.
            "--show-test-results", "all", "--progress", "off", "--no-ansi",
            "--ignore-exit-code", NoTestRan.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        if (JunitFile is not null)
        {
            arguments.AddRange(["--report-xunit-junit", "--report-xunit-junit-filename", JunitFile]);
        }

        if (Filter is { Length: > 0 })
        {
            arguments.AddRange(["--filter", Filter]);
        }

        if (CoveragePrefix is not null)
        {
            // What is measured: the suite's own assemblies, not the test projects; generated code and auto-properties left out.
            arguments.AddRange(
            [
                "--coverlet", "--coverlet-output-format", "cobertura", "--coverlet-file-prefix", CoveragePrefix,
                "--coverlet-include", "[GoldenPath.*]*", "--coverlet-exclude", "[GoldenPath.*Tests]*",
                "--coverlet-exclude-by-attribute", "GeneratedCodeAttribute", "--coverlet-exclude-by-attribute", "CompilerGeneratedAttribute",
                "--coverlet-skip-auto-props",
            ]);
        }

        return arguments;
    }
}

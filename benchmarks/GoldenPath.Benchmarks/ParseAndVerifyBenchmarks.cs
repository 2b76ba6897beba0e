using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Recording;
using GoldenPath.Fixtures.Rules;

namespace GoldenPath.Benchmarks;

/// <summary>
/// What checking a run costs the suite: <see cref="RecordedFrame.Parse"/> of each raw frame, then
/// <see cref="RunVerifier.Verify"/> of each run (strict shape, golden path, PROTOCOL.md §5 budgets).
/// One operation is one event, so the Mean column is the time per event.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ParseAndVerifyBenchmarks
{
    private const int Runs = 1000;
    private const int Events = Runs * GoldenPathRuns.EventsPerRun;

    private GoldenPathRuns runs = null!;
    private RunExpectations[] expectations = null!;
    private RecordedFrame[][] parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        runs = new GoldenPathRuns(Runs);
        expectations = new RunExpectations[Runs];
        parsed = new RecordedFrame[Runs][];
        for (var r = 0; r < Runs; r++)
        {
            expectations[r] = new RunExpectations(runs.RunIds[r])
            {
                RecipientUserId = runs.UserIds[r],
                StrictShape = true,
                GoldenPath = true,
                Budgets = new BudgetSettings(),
                SentAt = runs.SentAt[r],
                Handshake = TimeSpan.FromMilliseconds(120),
            };
            parsed[r] = Parse(r);
            if (RunVerifier.Verify(parsed[r], expectations[r]) is { Count: > 0 } violations)
            {
                throw new InvalidOperationException($"run {r} is not a clean golden-path run: {string.Join("; ", violations)}{Environment.NewLine}{string.Join(Environment.NewLine, runs.Raw[r])}");
            }
        }
    }

    /// <summary>The whole check: parse every frame of a run, then verify the run.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int ParseAndVerify()
    {
        var violations = 0;
        for (var r = 0; r < Runs; r++)
        {
            violations += RunVerifier.Verify(Parse(r), expectations[r]).Count;
        }

        return violations;
    }

    /// <summary>Only <see cref="RecordedFrame.Parse"/> (JSON and normalization).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ParseOnly()
    {
        var count = 0;
        for (var r = 0; r < Runs; r++)
        {
            count += Parse(r).Length;
        }

        return count;
    }

    /// <summary>Only <see cref="RunVerifier.Verify"/>, on frames parsed beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int VerifyOnly()
    {
        var violations = 0;
        for (var r = 0; r < Runs; r++)
        {
            violations += RunVerifier.Verify(parsed[r], expectations[r]).Count;
        }

        return violations;
    }

    private RecordedFrame[] Parse(int run)
    {
        var raw = runs.Raw[run];
        var at = runs.ReceivedAt[run];
        var frames = new RecordedFrame[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            frames[i] = RecordedFrame.Parse(i, at[i], raw[i]);
        }

        return frames;
    }

    /// <summary>
    /// 3 warm-up and 5 measured iterations, in process: the default out-of-process toolchain rebuilds the
    /// fixtures' project references (the stack services), which this benchmark does not need.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess-3x5"));
            AddColumn(new EventsPerSecondColumn());
        }
    }
}

/// <summary>Events per second on the benchmark's core: 1 s / Mean, where one operation is one event.</summary>
public sealed class EventsPerSecondColumn : IColumn
{
    public string Id => nameof(EventsPerSecondColumn);

    public string ColumnName => "Events/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Events checked per second (1 s / Mean; one operation is one event)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } statistics
            ? (1e9 / statistics.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : "NA";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

using BenchmarkDotNet.Running;

namespace GoldenPath.Benchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["connections", var count])
        {
            await ConnectionCost.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

namespace GoldenPath.Runner.Progress;

/// <summary>The runner's own lines, "run-tests: …", through the display while one is live.</summary>
internal static class Say
{
    public const string Prefix = "run-tests: ";

    public static ProgressDisplay? Display { get; set; }

    public static void Line(string text)
    {
        if (Display is { } display)
        {
            display.Print(Prefix + text);
        }
        else
        {
            Console.WriteLine(Prefix + text);
        }
    }

    public static void Error(string text) => Console.Error.WriteLine(Prefix + text);
}

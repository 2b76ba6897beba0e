namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// The browser specs run one after another: they share one browser, and on a 2-core machine two at once
/// (one starting an extra backend) slow each other down by seconds. They still run alongside the other E2E classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser specs";
}

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>
/// The browser isolation spec and the connection-error specs run one after another: they share one browser, and on a
/// 2-core machine two of them at once (one starting an extra backend) slow each other down by seconds. The browser
/// golden-path spec runs beside them (at most two browser specs at once: the golden-path selection's critical path is
/// its two browser specs), and all run alongside the other E2E classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser specs";
}

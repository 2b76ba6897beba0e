using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>Thrown in every browser spec when no browser could be started; the message is the diagnosis and the fix.</summary>
public sealed class BrowserUnavailableException(string message, Exception? inner = null) : GoldenPathException(message, inner);

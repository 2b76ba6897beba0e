using System.Runtime.CompilerServices;

namespace GoldenPath.UnitTests;

/// <summary>
/// Loads xunit.v3.assert into the default load context before any test runs. Some tests read built test assemblies in a
/// throwaway load context (the runner's TestCatalog), which loads a second xunit.v3.assert there; FluentAssertions picks
/// the first xunit.v3.assert it finds loaded when it first fails an assertion, and when that was the throwaway one its
/// exceptions were not Xunit.Sdk.XunitException to this assembly (EventRecorderAssertionsTests failed about 1 run in 2).
/// </summary>
internal static class XunitAssertLoad
{
    [ModuleInitializer]
    internal static void Load() => RuntimeHelpers.RunClassConstructor(typeof(Xunit.Sdk.XunitException).TypeHandle);
}

using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Lifetime;

[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]

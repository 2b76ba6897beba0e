using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Lifetime;

// The browser first: when the runner asks for it early (BrowserFixture.PrewarmVariable), it then starts beside the stack, not after it.
[assembly: AssemblyFixture(typeof(BrowserFixture))]
[assembly: AssemblyFixture(typeof(PlatformFixture))]

// Every frame of every authenticated connection a test opens is checked for other users' data when the test ends.
[assembly: CheckConnectionIsolation]

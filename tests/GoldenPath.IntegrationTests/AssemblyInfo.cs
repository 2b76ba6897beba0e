using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Lifetime;

[assembly: AssemblyFixture(typeof(PlatformFixture))]

// Every frame of every authenticated connection a test opens is checked for other users' data when the test ends.
[assembly: CheckConnectionIsolation]

using GoldenPath.Fixtures.Lifetime;

[assembly: AssemblyFixture(typeof(PlatformFixture))]

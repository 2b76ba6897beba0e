using GoldenPath.Runner.Reports;
using GoldenPath.Runner.Run;

namespace GoldenPath.UnitTests.Requirements;

/// <summary>The platform specs of both layers as the runner's catalog reads them (the traits a filter selects by).</summary>
internal static class SuiteSpecs
{
    public static IReadOnlyList<TracedSpec> All { get; } =
    [
        .. RequirementTrace.Specs(TestCatalog.Read(typeof(GoldenPath.IntegrationTests.Auth.LoginTests).Assembly.Location) ?? throw new InvalidOperationException("the integration specs could not be read")),
        .. RequirementTrace.Specs(TestCatalog.Read(typeof(GoldenPath.E2ETests.GoldenPath.MultiTabTests).Assembly.Location) ?? throw new InvalidOperationException("the e2e specs could not be read")),
    ];
}

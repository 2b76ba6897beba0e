using GoldenPath.Fixtures.Requirements;
using GoldenPath.Runner.Reports;

namespace GoldenPath.UnitTests.Requirements;

/// <summary>Every requirement of PROTOCOL.md §7 has a spec that runs against any implementation, and no spec names an id §7 lacks.</summary>
[Unit]
public sealed class RequirementTraceTests
{
    [Fact]
    public void Every_requirement_has_a_Conformance_spec_and_every_named_id_exists()
    {
        var requirements = ProtocolRequirements.Load();
        var specs = SuiteSpecs.All;

        specs.Should().Contain(s => s.ShortName.StartsWith("LoginTests.", StringComparison.Ordinal) && s.Kind == RequirementTrace.Conformance, "the specs of both layers are read")
            .And.Contain(s => s.ShortName.StartsWith("MultiTabTests.", StringComparison.Ordinal));
        var problems = RequirementTrace.Problems(requirements, specs);

        problems.Should().BeEmpty("every §7 id (but those marked (local)) needs a Conformance spec carrying [Requirement(\"<id>\")], and a spec names only §7's ids:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_Conformance_spec_names_the_requirements_it_checks()
    {
        // A Conformance spec checks the contract, so it says which part; these check the suite's own outputs, not the platform.
        string[] suiteOnly = ["SloReportPageTests."];

        var unnamed = SuiteSpecs.All
            .Where(s => s.Kind == RequirementTrace.Conformance && s.Requirements.Count == 0 && !suiteOnly.Any(p => s.ShortName.StartsWith(p, StringComparison.Ordinal)))
            .Select(s => s.FullName)
            .ToArray();

        unnamed.Should().BeEmpty("a Conformance spec carries [Requirement(\"<id>\")] for each PROTOCOL.md §7 id it checks; these name none:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, unnamed));
    }

    [Fact]
    public void A_missing_Conformance_spec_and_an_unknown_id_are_named()
    {
        ProtocolRequirement[] requirements = [new("ws.ping", "pong", "3", false), new("ws.local-only", "x", "3", true), new("ws.endpoint", "/ws", "3", false)];
        TracedSpec[] specs =
        [
            new("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping", RequirementTrace.ReferenceStack, ["ws.ping"]),
            new("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Alias", RequirementTrace.Conformance, ["ws.endpoint", "ws.pnig"]),
        ];

        RequirementTrace.Problems(requirements, specs).Should().Equal(
            "ws.ping: no Conformance spec names it ([Requirement(\"ws.ping\")] on a spec that runs against any implementation)",
            "GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Alias names 'ws.pnig', which PROTOCOL.md §7 does not have");
    }
}

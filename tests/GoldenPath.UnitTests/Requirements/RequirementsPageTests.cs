using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Requirements;
using GoldenPath.Runner.Reports;

namespace GoldenPath.UnitTests.Requirements;

/// <summary>
/// docs/requirements.md is what the code generates from PROTOCOL.md §7 and the specs' attributes, so CI fails when it is out of
/// date; with GOLDENPATH_WRITE_REQUIREMENTS=1 this test writes it instead.
/// </summary>
[Unit]
public sealed class RequirementsPageTests
{
    private static readonly string PageFile = Path.Combine(RepositoryLayout.Root, "docs", "requirements.md");

    [Fact]
    public void The_committed_traceability_page_is_the_generated_one()
    {
        var generated = RequirementsPage.Markdown(ProtocolRequirements.Load(), SuiteSpecs.All);
        if (Environment.GetEnvironmentVariable(RequirementsPage.WriteVariable) == "1")
        {
            File.WriteAllText(PageFile, generated);
        }

        var committed = File.Exists(PageFile) ? File.ReadAllText(PageFile).ReplaceLineEndings("\n") : "(missing)";

        committed.Should().Be(generated.ReplaceLineEndings("\n"),
            "docs/requirements.md is generated from PROTOCOL.md §7 and the [Requirement] attributes; regenerate it with {0}=1 " +
            "tests/GoldenPath.UnitTests/bin/Debug/net10.0/GoldenPath.UnitTests --filter FullyQualifiedName~RequirementsPageTests, and commit it",
            RequirementsPage.WriteVariable);
    }

    [Fact]
    public void A_requirement_lists_its_specs_by_kind_and_a_dash_where_there_is_none()
    {
        ProtocolRequirement[] requirements = [new("ws.ping", "`ping` answered by `pong`", "3", false), new("ws.endpoint", "`/ws`", "3", false)];
        TracedSpec[] specs =
        [
            new("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping_is_answered_with_pong", RequirementTrace.Conformance, ["ws.ping"]),
            new("GoldenPath.IntegrationTests.WebSocket.FaultTests.Ping_late", RequirementTrace.ReferenceStack, ["ws.ping"]),
            new("GoldenPath.IntegrationTests.Stack.StackStartupTests.Starts", RequirementTrace.ReferenceStack, []),
        ];

        var page = RequirementsPage.Markdown(requirements, specs);

        page.Should().Contain("2 requirements; 2 specs name 1 of them (1 Conformance, 1 ReferenceStack).")
            .And.Contain("| `ws.ping` | `ping` answered by `pong` | 3 | ConnectionTests.Ping_is_answered_with_pong | FaultTests.Ping_late |")
            .And.Contain("| `ws.endpoint` | `/ws` | 3 | - | - |");
    }
}

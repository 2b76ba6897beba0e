using GoldenPath.Fixtures.Requirements;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;
using GoldenPath.Runner.Reports;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class RequirementResultsTests
{
    private static readonly ProtocolRequirement[] Requirements =
        [new("auth.jwt-refused", "refused", "1, 3", false), new("ws.ping", "pong", "3", false), new("ws.endpoint", "/ws", "3", false)];

    private static readonly TracedSpec[] Specs =
    [
        new("GoldenPath.IntegrationTests.Auth.JwtRefusalTests.Refused", RequirementTrace.Conformance, ["auth.jwt-refused"]),
        new("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping", RequirementTrace.Conformance, ["ws.ping", "ws.endpoint"]),
    ];

    [Fact]
    public void Each_requirement_has_its_test_cases_run_and_a_verdict()
    {
        TrxTest[] tests =
        [
            new("GoldenPath.IntegrationTests.Auth.JwtRefusalTests.Refused(kind: \"alg none\")", "Passed", string.Empty),
            new("GoldenPath.IntegrationTests.Auth.JwtRefusalTests.Refused(kind: \"another issuer\")", "Failed", "auth.jwt-refused: accepted"),
            new("GoldenPath.UnitTests.Rules.RunRulesTests.Order", "Passed", string.Empty),
        ];

        var markdown = RequirementResults.Markdown(Requirements, Specs, tests);

        markdown.Should().StartWith("### Requirements (PROTOCOL.md §7)")
            .And.Contain("| `auth.jwt-refused` | 2 | **failed** (1 of 2) |")
            .And.EndWith($"Not run in this selection: `ws.ping`, `ws.endpoint`{Environment.NewLine}{Environment.NewLine}")
            .And.NotContain("| `ws.ping`");
    }

    [Fact]
    public void A_requirement_whose_specs_all_passed_passed_and_one_spec_counts_for_each_id_it_names()
    {
        var markdown = RequirementResults.Markdown(Requirements, Specs, [new("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping", "Passed", string.Empty)]);

        markdown.Should().Contain("| `ws.ping` | 1 | passed |").And.Contain("| `ws.endpoint` | 1 | passed |").And.Contain("Not run in this selection: `auth.jwt-refused`");
    }

    [Fact]
    public void A_run_of_no_traced_spec_has_no_table()
    {
        RequirementResults.Markdown(Requirements, Specs, [new("GoldenPath.UnitTests.Rules.RunRulesTests.Order", "Passed", string.Empty)]).Should().BeNull();
    }

    [Fact]
    public void In_a_dialect_a_requirement_s_row_says_what_that_dialect_cannot_check_of_it()
    {
        var netra = Fixtures.Dialects.DialectLoader.Load("netra-apex");
        ProtocolRequirement[] requirements = [new("ws.ack", "ack", "3", false), new("ws.ping", "pong", "3", false)];
        TracedSpec[] specs = [new("GoldenPath.E2ETests.GoldenPath.MultiTabTests.Tabs", RequirementTrace.Conformance, ["ws.ack", "ws.ping"])];

        var markdown = RequirementResults.Markdown(requirements, specs, [new("GoldenPath.E2ETests.GoldenPath.MultiTabTests.Tabs", "Passed", string.Empty)], netra);

        markdown.Should().Contain("| `ws.ack` | 1 | passed; not checkable in dialect netra-apex: ack-first: no message_ack")
            .And.Contain("no client message_id is sent")
            .And.Contain("| `ws.ping` | 1 | passed |");
    }
}

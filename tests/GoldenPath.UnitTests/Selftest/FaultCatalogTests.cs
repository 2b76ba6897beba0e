using GoldenPath.Fixtures.Requirements;
using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Selftest;

namespace GoldenPath.UnitTests.Selftest;

[Unit]
public sealed class FaultCatalogTests
{
    // The rule no fault can reach first: a slow handshake is the preflight's diagnosis (it names budget.connect, the §7 id,
    // which the handshake-delay row expects). It has unit cases (RuleCatalogTests).
    private static readonly string[] NotInTheMatrix = [RunRules.HandshakeBudget];

    [Fact]
    public void Every_rule_has_a_fault_that_must_trip_it()
    {
        var expected = FaultCatalog.All.Select(c => c.ExpectedRule).ToHashSet();

        RuleNames.All.Except(NotInTheMatrix).Where(r => !expected.Contains(r)).Should().BeEmpty("the selftest proves each rule catches a real fault");
    }

    [Fact]
    public void Every_requirement_of_section_7_has_a_fault_that_breaks_it_or_a_written_reason_why_none_can()
    {
        var requirements = ProtocolRequirements.Load().Select(r => r.Id).ToArray();
        var broken = FaultCatalog.All.SelectMany(c => c.Requirements).ToHashSet();

        requirements.Where(id => !broken.Contains(id) && !FaultCatalog.NotBreakable.ContainsKey(id)).Should().BeEmpty(
            "the selftest proves each PROTOCOL.md §7 requirement is caught when broken: add a fault switch to the reference stack and a FaultCase naming the id, " +
            "or say in FaultCatalog.NotBreakable why the reference stack cannot break it");
        FaultCatalog.All.SelectMany(c => c.Requirements).Concat(FaultCatalog.NotBreakable.Keys).Except(requirements).Should().BeEmpty("a fault names only ids §7 has");
        FaultCatalog.NotBreakable.Values.Where(reason => reason.Trim().Length < 20).Should().BeEmpty("a requirement left out says why");
    }

    [Fact]
    public void Every_fault_is_a_switch_of_the_reference_stack()
    {
        FaultCatalog.All.Select(c => c.Fault).Except(GoldenPath.Platform.Common.Faults.FaultSwitches.Known).Should().BeEmpty("stack/README.md documents each switch the selftest turns on");
    }

    [Fact]
    public void Every_row_selects_Conformance_specs_of_the_requirements_it_breaks()
    {
        var empty = FaultCatalog.All
            .Where(c => !Requirements.SuiteSpecs.All.Any(s => s.Kind == GoldenPath.Runner.Reports.RequirementTrace.Conformance && c.Selects(s.FullName, s.Requirements.ToArray())))
            .Select(c => $"{c.Fault}: no Conformance spec of {string.Join(", ", c.Specs)} names {string.Join(" or ", c.Requirements)}");

        empty.Should().BeEmpty("a row runs the specs of the requirement it breaks");
    }

    [Fact]
    public void A_row_selection_is_a_trait_filter_on_the_requirements_and_the_spec_classes()
    {
        var row = new FaultCase("x", ["ws.ping", "ws.welcome"], "ws.ping", "y", ["ConnectionTests"]);

        row.Selection.Should().Be("Category=Conformance&(Requirement=ws.ping|Requirement=ws.welcome)&(FullyQualifiedName~.ConnectionTests.)");
        row.Selects("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.Ping_is_answered_with_pong", ["ws.ping"]).Should().BeTrue();
        row.Selects("GoldenPath.IntegrationTests.WebSocket.ConnectionTests.The_alias_route_serves_the_same_endpoint", ["ws.endpoint"]).Should().BeFalse();
        row.Selects("GoldenPath.IntegrationTests.WebSocket.BadFrameTests.A", ["ws.ping"]).Should().BeFalse();
        row.CaughtBy("ws.welcome", Fixtures.Dialects.DialectLoader.Default).Should().BeTrue("naming a requirement the fault breaks holds");
        row.CaughtBy("started-first", Fixtures.Dialects.DialectLoader.Default).Should().BeFalse();
    }

    [Fact]
    public void A_rule_that_checks_a_requirement_the_fault_breaks_catches_it_too()
    {
        var leak = FaultCatalog.All.Single(c => c.Fault == "leak-events");
        var netra = Fixtures.Dialects.DialectLoader.Load("netra-apex");

        leak.CaughtBy(JourneyRules.Isolation, netra).Should().BeTrue();
        leak.CaughtBy(RunRules.Recipient, netra).Should().BeTrue("recipient checks iso.recipients, which leak-events breaks: without an ack the leaked run is taken for the user's own, and its foreign user_id leads");
        leak.CaughtBy(RunRules.StartedFirst, netra).Should().BeFalse("a broken order alone would be a misdiagnosis of a leak");
    }

    [Fact]
    public void Faults_are_named_once()
    {
        FaultCatalog.All.Select(c => c.Fault).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("golden path step 4 'ask' failed:\ncorrelation: [journey] the message_ack announced run '7'", new[] { "correlation" })]
    [InlineData("run 7 on connection [a] broke 2 rules:\n  - tool-paired at event #3 (tool_completed): x\n  - golden-order at event #4 (agent_error): y", new[] { "tool-paired", "golden-order" })]
    [InlineData("single-terminal: run 7 stopped: over the gap budget (budget-gap); received: a", new[] { "single-terminal", "budget-gap" })]
    [InlineData("Expected response.Status to be OK because auth.login: POST /auth/login answered 404, but found NotFound.", new[] { "auth.login" })]
    [InlineData("ws.frame-size: a frame of 65536 bytes closed 1009 (ws.invalid)", new[] { "ws.frame-size", "ws.invalid" })]
    [InlineData("example.test: is not a rule; www.auth.login: neither", new string[0])]
    public void A_diagnosis_names_its_rules_in_order(string message, string[] rules)
    {
        RuleNames.In(message).Should().Equal(rules);
    }

    [Fact]
    public void Words_of_the_platform_in_raw_events_and_transcripts_name_no_rule()
    {
        var message = "history-stored: the thread lacks it\nraw events of the run:\n  #0 {\"final_response\":\"answer: 391\"}\ntranscript of x:\n isolation: y";

        RuleNames.In(message).Should().Equal("history-stored");
    }

    [Fact]
    public void Under_a_dialect_without_ack_event_id_or_tool_call_id_the_faults_that_break_them_are_not_run_and_a_wrong_thread_is_found_by_the_history()
    {
        var netra = Fixtures.Dialects.DialectLoader.Load("netra-apex");

        FaultCatalog.All.Where(c => c.NotApplicableIn(netra) is not null).Select(c => c.Fault)
            .Should().BeEquivalentTo("run-unpaired-tool", "ack-wrong-run", "ack-late", "ack-missing", "event-id-reused", "tabs-ack-all");
        FaultCatalog.All.Single(c => c.Fault == "run-wrong-thread").ExpectedIn(netra).Should().Be(JourneyRules.HistoryStored);
        FaultCatalog.All.Should().OnlyContain(c => c.NotApplicableIn(Fixtures.Dialects.DialectLoader.Default) == null);
        FaultCatalog.All.Single(c => c.Fault == "run-wrong-thread").ExpectedIn(Fixtures.Dialects.DialectLoader.Default).Should().Be(RunRules.Correlation);
    }
}

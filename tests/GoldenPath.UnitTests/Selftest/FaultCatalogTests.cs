using GoldenPath.Fixtures.Rules;
using GoldenPath.Fixtures.Selftest;

namespace GoldenPath.UnitTests.Selftest;

[Unit]
public sealed class FaultCatalogTests
{
    // The two rules no event-stream fault can reach first: a slow handshake is the preflight's handshake-delay
    // diagnosis, and a run over the completion budget breaks the gap budget before it. Both have unit cases (RuleCatalogTests).
    private static readonly string[] NotInTheMatrix = [RunRules.HandshakeBudget, RunRules.CompletionBudget];

    [Fact]
    public void Every_rule_has_a_fault_that_must_trip_it()
    {
        var expected = FaultCatalog.All.Select(c => c.ExpectedRule).ToHashSet();

        RuleNames.All.Except(NotInTheMatrix).Where(r => !expected.Contains(r)).Should().BeEmpty("the selftest proves each rule catches a real fault");
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

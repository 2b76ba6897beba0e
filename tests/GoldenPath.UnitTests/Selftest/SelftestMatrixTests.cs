using GoldenPath.Reporting.Selftest;
using GoldenPath.Fixtures.Requirements;
using GoldenPath.Fixtures.Selftest;
using GoldenPath.Runner.Selftest;

namespace GoldenPath.UnitTests.Selftest;

[Unit]
public sealed class SelftestMatrixTests
{
    private static readonly ProtocolRequirement[] Requirements =
        [new("ws.ping", "pong", "3", false), new("ws.welcome", "welcome", "3", false), new("http.health", "health", "2", false)];

    private static readonly Fixtures.Dialects.Dialect Default = Fixtures.Dialects.DialectLoader.Default;

    [Fact]
    public void Rows_are_grouped_by_requirement_in_section_7_order_with_their_time_and_whether_they_held()
    {
        var both = new FaultCase("both", ["ws.welcome", "ws.ping"], "ws.welcome", "breaks two", ["ConnectionTests"]);
        var missed = new FaultCase("missed", ["ws.ping"], "ws.ping", "goes unseen", ["ConnectionTests"]);
        SelftestRow[] rows =
        [
            new(both, Outcome(["ws.welcome"], failed: 1, seconds: 12), null),
            new(missed, Outcome(["(none)"], failed: 1, seconds: 40), null),
        ];

        var (text, summary) = SelftestMatrix.Markdown(Requirements, rows, Outcome([], failed: 0, seconds: 20), true, Default, TimeSpan.FromMinutes(2));

        var lines = text.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        lines.Select(l => l.Split('|')[1].Trim() + " " + l.Split('|')[2].Trim()).Should().Equal(
            "`ws.ping` `both`", "`ws.ping` `missed`", "`ws.welcome` `both`", "`http.health` -");
        lines[0].Should().EndWith("| 12 s | yes |");
        lines[1].Should().EndWith("| 40 s | **NO** |");
        lines[3].Should().Contain("no fault in this run");
        summary.Should().Be("2 of 3 §7 ids caught; 1 of 2 fault rows hold, the healthy run green; 2.0 min");
    }

    [Fact]
    public void A_green_run_or_a_failure_naming_another_rule_does_not_hold()
    {
        var fault = new FaultCase("f", ["ws.ping"], "ws.ping", "x", ["ConnectionTests"]);

        new SelftestRow(fault, Outcome([], failed: 0, seconds: 1), null).Holds(Default).Should().BeFalse("a green run caught nothing");
        new SelftestRow(fault, Outcome(["ws.welcome"], failed: 1, seconds: 1), null).Holds(Default).Should().BeFalse("the failure names another requirement");
        new SelftestRow(fault, null, "not run: dialect x has no message_ack").NotApplicable.Should().BeTrue();
    }

    private static SelftestOutcome Outcome(string[] named, int failed, int seconds) =>
        new(3, Enumerable.Range(0, failed).Select(i => new TrxTest($"T.{i}", "Failed", "m")).ToArray(), named, TimeSpan.FromSeconds(seconds));
}

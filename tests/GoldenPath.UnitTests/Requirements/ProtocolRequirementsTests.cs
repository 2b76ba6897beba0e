using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Requirements;

namespace GoldenPath.UnitTests.Requirements;

[Unit]
public sealed class ProtocolRequirementsTests
{
    private const string Protocol = """
        # Platform protocol

        ## 6. Dialects

        | id | not this | § |
        |---|---|---|
        | `ws.not-here` | another section's table | 6 |

        ## 7. Requirements

        Each requirement has a stable id.

        | id | requirement | § |
        |---|---|---|
        | `ws.ping` | `ping` answered by `pong` | 3 |
        | `ws.local` (local) | needs a fault switch | 3 |
        | `budget.connect`, `budget.first-event`, `budget.completion`, `budget.gap` | §5's budgets | 5 |
        """;

    [Fact]
    public void Each_id_of_a_row_is_a_requirement_with_the_rows_text_and_section()
    {
        var requirements = ProtocolRequirements.Parse(Protocol);

        requirements.Select(r => r.Id).Should().Equal("ws.ping", "ws.local", "budget.connect", "budget.first-event", "budget.completion", "budget.gap");
        requirements[0].Should().Be(new ProtocolRequirement("ws.ping", "`ping` answered by `pong`", "3", false));
        requirements[1].Local.Should().BeTrue();
        requirements.Skip(2).Should().AllSatisfy(r => (r.Text, r.Section, r.Local).Should().Be(("§5's budgets", "5", false)));
    }

    [Fact]
    public void An_id_named_twice_is_refused()
    {
        var parse = () => ProtocolRequirements.Parse(Protocol + "\n| `ws.ping` | again | 3 |\n");

        parse.Should().Throw<GoldenPathException>().WithMessage("*more than once: ws.ping");
    }

    [Fact]
    public void The_contract_beside_the_repository_numbers_its_requirements()
    {
        var requirements = ProtocolRequirements.Load();

        requirements.Select(r => r.Id).Should().Contain(["auth.jwt-refused", "ws.frame-size", "budget.gap"]);
    }
}

using GoldenPath.Fixtures.Traits;

namespace GoldenPath.UnitTests.Conventions;

[Unit]
public sealed class QuarantinedTests
{
    [Fact]
    public void A_quarantined_spec_carries_the_category_the_gate_filters_and_its_reason()
    {
        new QuarantinedAttribute("issue 42: the first ack is slow on containers").GetTraits().Should().Equal(
            new KeyValuePair<string, string>("Category", "Quarantined"),
            new KeyValuePair<string, string>("Quarantined", "issue 42: the first ack is slow on containers"));
    }

    [Fact]
    public void A_quarantine_without_a_reason_is_refused()
    {
        var quarantine = () => new QuarantinedAttribute(" ");

        quarantine.Should().Throw<ArgumentException>().WithMessage("*names its reason*");
    }
}

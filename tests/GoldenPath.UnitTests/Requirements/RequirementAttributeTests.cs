using GoldenPath.Fixtures.Traits;

namespace GoldenPath.UnitTests.Requirements;

[Unit]
public sealed class RequirementAttributeTests
{
    [Fact]
    public void Each_id_becomes_a_Requirement_trait()
    {
        new RequirementAttribute("auth.jwt-refused", "ws.auth-failure").GetTraits().Should().Equal(
            new KeyValuePair<string, string>("Requirement", "auth.jwt-refused"),
            new KeyValuePair<string, string>("Requirement", "ws.auth-failure"));
    }

    [Theory]
    [InlineData("JWT refused")]
    [InlineData("auth")]
    [InlineData("")]
    public void Anything_but_an_id_is_refused(string id)
    {
        var requirement = () => new RequirementAttribute(id);

        requirement.Should().Throw<ArgumentException>().WithMessage("*§7 id*");
    }

    [Fact]
    public void No_id_at_all_is_refused()
    {
        var requirement = () => new RequirementAttribute();

        requirement.Should().Throw<ArgumentException>().WithMessage("*not 'nothing'*");
    }
}

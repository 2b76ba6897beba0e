using System.Net;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.UnitTests.Dialects;

/// <summary>Reading never crashes: a body without the field, or with another kind there, fails naming the rule and the JSON path.</summary>
[Unit]
public sealed class ApiResponseReadingTests
{
    private static ApiResponse Answer(string body) => new("POST /auth/login", HttpStatusCode.OK, body);

    [Fact]
    public void A_present_field_of_the_right_kind_is_read_at_its_path()
    {
        var response = Answer("""{"user":{"id":"u1"},"valid":true,"expires_in":900}""");

        response.Text("auth.login", "user.id").Should().Be("u1");
        response.Boolean("auth.validate", "valid").Should().BeTrue();
        response.Number("auth.token-response", "expires_in").Should().Be(900);
    }

    [Theory]
    [InlineData("""{"user":{}}""", "auth.login: $.user.id is missing from the answer of POST /auth/login")]
    [InlineData("""{"user":{"id":42}}""", "auth.login: $.user.id is number 42, not a string, in the answer of POST /auth/login")]
    [InlineData("""{"user":"u1"}""", "auth.login: $.user.id is missing")]
    [InlineData("not json", "auth.login: POST /auth/login answered 200 with a body that is not JSON, so it has no $.user.id")]
    public void A_missing_or_mistyped_field_fails_naming_the_rule_and_the_path(string body, string says)
    {
        var read = () => Answer(body).Text("auth.login", "user.id");

        read.Should().Throw<GoldenPathException>().Which.Message.Should().StartWith(says);
    }

    [Fact]
    public void A_number_where_a_boolean_belongs_names_what_it_is()
    {
        var read = () => Answer("""{"valid":1}""").Boolean("auth.validate", "valid");

        read.Should().Throw<GoldenPathException>().Which.Message.Should().StartWith("auth.validate: $.valid is number 1, not a boolean");
    }
}

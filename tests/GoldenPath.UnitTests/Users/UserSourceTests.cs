using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.UnitTests.Users;

[Trait("Category", "Unit")]
public sealed class UserSourceTests
{
    private static readonly AuthClient Nowhere = new(new Uri("http://127.0.0.1:9"));

    [Fact]
    public void A_credentials_pool_is_read_from_its_variable_and_its_passwords_are_masked()
    {
        var source = new CredentialUserSource(Nowhere, "GOLDENPATH_USERS", "a@example.test:first-secret-1; b@example.test:second-secret-2\nc@example.test:third:with-colon");

        source.Capacity.Should().Be(3);
        SecretMasker.Apply("first-secret-1 second-secret-2 third:with-colon").Should().Be("*** *** ***");
    }

    [Fact]
    public void An_empty_credentials_pool_says_which_variable_to_set()
    {
        var create = () => new CredentialUserSource(Nowhere, "GOLDENPATH_USERS", null);

        create.Should().Throw<GoldenPathException>().WithMessage("*GOLDENPATH_USERS holds no credentials*email:password*");
    }

    [Fact]
    public async Task A_minted_user_carries_an_access_token_with_the_protocol_claims()
    {
        var settings = new TokenSettings(new string('k', 48), "issuer-x", "audience-y");

        var user = await new MintingUserSource(settings).NextAsync("minted");

        var claims = TokenForge.Claims(user.AccessToken);
        claims["sub"]!.GetValue<string>().Should().Be(user.UserId);
        claims["token_type"]!.GetValue<string>().Should().Be("access");
        claims["iss"]!.GetValue<string>().Should().Be("issuer-x");
        claims["aud"]!.GetValue<string>().Should().Be("audience-y");
        claims["exp"]!.GetValue<long>().Should().BeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}

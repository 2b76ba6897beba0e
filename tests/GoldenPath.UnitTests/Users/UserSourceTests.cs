using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Users;

namespace GoldenPath.UnitTests.Users;

[Unit]
public sealed class UserSourceTests
{
    private static readonly AuthClient Nowhere = new(new Uri("http://127.0.0.1:9"));

    [Fact]
    public void A_credentials_pool_is_read_from_its_variable_and_its_passwords_are_masked()
    {
        var source = new CredentialUserSource(Nowhere, SuiteVariables.Users, "a@example.test:first-secret-1; b@example.test:second-secret-2\nc@example.test:third:with-colon");

        source.Capacity.Should().Be(3);
        SecretMasker.Apply("first-secret-1 second-secret-2 third:with-colon").Should().Be("*** *** ***");
    }

    [Fact]
    public void An_empty_credentials_pool_says_which_variable_to_set()
    {
        var create = () => new CredentialUserSource(Nowhere, SuiteVariables.Users, null);

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

    [Fact]
    public void Registered_users_are_fresh_have_passwords_and_may_register_more()
    {
        var source = new RegisteringUserSource(Nowhere);

        source.RequireFresh("needs an empty thread list");
        source.RequirePassword("logs in");
        source.RequireRegistration("registers an account");
    }

    [Fact]
    public void A_credentials_pool_gives_passwords_but_neither_fresh_users_nor_registrations()
    {
        var source = new CredentialUserSource(Nowhere, SuiteVariables.Users, "a@example.test:first-secret-1");

        source.RequirePassword("logs in");
        var fresh = () => source.RequireFresh("needs an empty thread list");
        var register = () => source.RequireRegistration("registers a new account to test 201");
        fresh.Should().Throw<GoldenPathException>().WithMessage("this spec needs an empty thread list, so it needs users never seen before*users.mode Credentials*fixed pool*");
        register.Should().Throw<GoldenPathException>().WithMessage("this spec registers a new account to test 201*users.mode Credentials*registers nobody*");
    }

    [Fact]
    public void Minted_users_are_fresh_but_have_no_password_and_cannot_register()
    {
        var source = new MintingUserSource(new TokenSettings(new string('k', 48), "issuer-x", "audience-y"));

        source.RequireFresh("needs an empty thread list");
        var password = () => source.RequirePassword("logs in with the password");
        var register = () => source.RequireRegistration("registers a new account");
        password.Should().Throw<GoldenPathException>().WithMessage("this spec logs in with the password, so it needs an account the auth service holds*users.mode MintTokens*no password*");
        register.Should().Throw<GoldenPathException>().WithMessage("*users.mode MintTokens*no registration*");
    }
}

using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.UnitTests.Diagnostics;

[Trait("Category", "Unit")]
public sealed class SecretSetTests
{
    [Fact]
    public void Per_user_secrets_are_bounded_oldest_first_and_kept_ones_are_never_dropped()
    {
        var secrets = new SecretSet(perUserLimit: 3);
        secrets.Keep("jwt-secret-key");
        foreach (var password in new[] { "password-1", "password-2", "password-3", "password-4", "password-5" })
        {
            secrets.AddPerUser(password);
        }

        secrets.Values.Should().BeEquivalentTo("jwt-secret-key", "password-3", "password-4", "password-5");
    }

    [Fact]
    public void A_per_user_secret_kept_later_stays_when_its_turn_to_go_comes()
    {
        var secrets = new SecretSet(perUserLimit: 1);
        secrets.AddPerUser("shared-value");
        secrets.Keep("shared-value");
        secrets.AddPerUser("password-2");

        secrets.Values.Should().BeEquivalentTo("shared-value", "password-2");
    }
}

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

    [Fact]
    public void Masking_replaces_every_secret_in_one_pass_the_longest_where_two_start_together_and_sees_later_additions()
    {
        var secrets = new SecretSet(perUserLimit: 100);
        secrets.Keep("token-abc");
        secrets.AddPerUser("token-abcdef");

        secrets.Mask("a token-abcdef, then token-abc and token-ab.", "***").Should().Be("a ***, then *** and token-ab.");
        secrets.Mask("nothing secret here", "***").Should().Be("nothing secret here");

        secrets.AddPerUser("token-ab");
        secrets.Mask("token-ab.", "***").Should().Be("***.", "a secret added after the last mask is masked too");
    }

    [Fact]
    public void Masking_stays_fast_with_tens_of_thousands_of_secrets()
    {
        var secrets = new SecretSet(perUserLimit: 50_000);
        for (var i = 0; i < 30_000; i++)
        {
            secrets.AddPerUser($"password-{i:D6}-{Guid.NewGuid():N}");
        }

        var text = string.Concat(Enumerable.Repeat("a transcript line with no secret in it; ", 100));
        secrets.Mask(text, "***"); // builds the matcher once
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            secrets.Mask(text, "***").Should().Be(text);
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "100 masks of a 4 KB text against 30,000 secrets take milliseconds in one pass (replacing them one by one took seconds)");
    }
}

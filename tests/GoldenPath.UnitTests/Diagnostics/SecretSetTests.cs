using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.UnitTests.Diagnostics;

[Unit]
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
    public void Masking_covers_every_occurrence_and_overlapping_secrets_whole_before_and_after_the_matcher_is_built()
    {
        var secrets = new SecretSet(perUserLimit: 10_000);
        secrets.Keep("abc123");
        secrets.AddPerUser("xxabc123yy");

        secrets.Mask("a xxabc123yy, an abc123 and abc12.", "***").Should().Be("a ***, an *** and abc12.", "a secret inside another must not leave the outer one's ends showing");
        secrets.Mask("nothing secret here", "***").Should().Be("nothing secret here");

        for (var i = 0; i <= SecretSet.RebuildAfter; i++)
        {
            secrets.AddPerUser($"password-{i:D4}");
        }

        secrets.Mask("xxabc123yy password-0007 password-0007password-0256", "***").Should().Be("*** *** ***", "the matcher, built now, covers them all");
        secrets.AddPerUser("token-added-later");
        secrets.Mask("[token-added-later] [abc123]", "***").Should().Be("[***] [***]", "one added after the build is searched on its own until the next");
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

using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.UnitTests.Diagnostics;

[Unit]
public sealed class SecretMaskerTests
{
    [Fact]
    public void A_registered_secret_is_masked_wherever_it_appears()
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        SecretMasker.Register(secret);

        var masked = SecretMasker.Apply($"password={secret}; again {secret}.");

        masked.Should().NotContain(secret).And.Be("password=***; again ***.");
    }

    [Fact]
    public void Anything_shaped_like_a_jwt_is_masked_even_unregistered()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

        var masked = SecretMasker.Apply($"subprotocol jwt.{jwt} refused");

        masked.Should().NotContain("eyJzdWIi").And.Contain("jwt.eyJhbG*** refused");
    }

    [Fact]
    public void Text_without_secrets_is_unchanged()
    {
        SecretMasker.Apply("agent_started → agent_completed 391").Should().Be("agent_started → agent_completed 391");
    }
}

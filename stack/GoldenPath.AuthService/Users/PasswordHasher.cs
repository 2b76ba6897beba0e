using System.Security.Cryptography;

namespace GoldenPath.AuthService.Users;

/// <summary>
/// PBKDF2-SHA256 with a random salt, stored as <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>.
/// The iteration count is modest on purpose: the suite registers many users on a small machine.
/// </summary>
public sealed class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash no password matches, verified against when the email is unknown.</summary>
    public string DecoyHash { get; }

    public PasswordHasher() => DecoyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SaltBytes)));

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(password, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}

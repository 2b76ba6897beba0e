using System.Text.RegularExpressions;

namespace GoldenPath.AuthService.Endpoints;

/// <summary>What a registration must satisfy, and the one spelling under which an email is stored.</summary>
public static partial class CredentialRules
{
    public const int MinimumPasswordLength = 8;
    private const int MaximumEmailLength = 254;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValidEmail(string normalizedEmail) =>
        normalizedEmail.Length <= MaximumEmailLength && EmailPattern().IsMatch(normalizedEmail);

    public static bool IsValidPassword(string password) => password.Length >= MinimumPasswordLength;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}

namespace GoldenPath.Platform.Common.Configuration;

/// <summary>
/// How much of PROTOCOL §0's latitude the services use (GOLDENPATH_VARIANT). <c>strict</c>, the default, is the
/// plain reference behaviour; <c>relaxed</c> uses every latitude a correct implementation has (short numeric ids,
/// extra fields and frame types, longer runs, other wording, interleaving, coarse timestamps), so the suite can
/// prove it does not depend on what the protocol leaves open.
/// </summary>
public sealed record PlatformVariant(string Name)
{
    public const string Variable = "GOLDENPATH_VARIANT";

    public static PlatformVariant Strict { get; } = new("strict");

    public static PlatformVariant Relaxed { get; } = new("relaxed");

    /// <summary>
    /// The variant of this process, set once at startup, for the few static helpers that shape every
    /// body (JSON extras, error wording). Services get the same instance by injection.
    /// </summary>
    public static PlatformVariant Current { get; private set; } = Strict;

    public bool IsRelaxed => Name == Relaxed.Name;

    public static void Activate(PlatformVariant variant) => Current = variant;

    public static PlatformVariant Load(Func<string, string?> lookup)
    {
        var text = lookup(Variable)?.Trim();
        return text switch
        {
            null or "" or "strict" => Strict,
            "relaxed" => Relaxed,
            _ => throw new ConfigurationException(Variable, "must be strict or relaxed"),
        };
    }

    /// <summary>An error <c>message</c> text: relaxed words it differently (wording is free, §0).</summary>
    public string ErrorMessage(string message) =>
        IsRelaxed ? $"Sorry: {message} (relaxed wording)" : message;

    /// <summary>An ISO-8601 UTC timestamp; relaxed keeps whole seconds only, so several events share one (§0 Timing).</summary>
    public string Timestamp(DateTimeOffset instant) =>
        IsRelaxed ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : instant.UtcDateTime.ToString("O");
}

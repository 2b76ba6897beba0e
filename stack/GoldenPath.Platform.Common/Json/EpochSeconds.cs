using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldenPath.Platform.Common.Json;

/// <summary>
/// A Unix time in seconds, written as a JSON float the way Python's <c>time.time()</c> prints (<c>1765075235.123456</c>,
/// and <c>1765075235.0</c> for a whole second, never <c>1765075235</c>): the envelope timestamps of the netra-apex dialect.
/// </summary>
[JsonConverter(typeof(EpochSecondsConverter))]
public readonly record struct EpochSeconds(double Value)
{
    /// <param name="wholeSeconds">Drop the fraction (the relaxed variant's coarse timestamps).</param>
    public static EpochSeconds From(DateTimeOffset instant, bool wholeSeconds = false)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        // Microseconds, like time.time(): a double holds 10 integer digits and 6 decimals exactly enough.
        var microseconds = ticks / 10;
        return new EpochSeconds(wholeSeconds ? microseconds / 1_000_000 : microseconds / 1_000_000d);
    }

    public override string ToString()
    {
        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}

public sealed class EpochSecondsConverter : JsonConverter<EpochSeconds>
{
    public override EpochSeconds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, EpochSeconds value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString(), skipInputValidation: false);
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GoldenPath.Platform.Common.Json;

/// <summary>The one JSON shape of the platform: snake_case names, web defaults (plus, under relaxed, <see cref="RelaxedFields"/>).</summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RelaxedFields.AddTo);
        return options;
    }
}

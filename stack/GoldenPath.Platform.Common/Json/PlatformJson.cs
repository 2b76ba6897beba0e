using System.Text.Json;

namespace GoldenPath.Platform.Common.Json;

/// <summary>The one JSON shape of the platform: snake_case names, web defaults.</summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        return options;
    }
}

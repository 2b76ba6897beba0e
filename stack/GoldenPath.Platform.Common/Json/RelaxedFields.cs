using System.Text.Json.Serialization.Metadata;
using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Platform.Common.Json;

/// <summary>
/// Under the relaxed variant every JSON object the services write (HTTP bodies, WebSocket frames, and the objects
/// nested in them) carries fields PROTOCOL does not name: <c>x_relaxed</c>, <c>trace_id</c> and a <c>meta</c> object.
/// A client ignores them (§0 "More is allowed"). Under strict they are never written.
/// </summary>
internal static class RelaxedFields
{
    private static readonly Dictionary<string, string> Meta = new()
    {
        ["variant"] = "relaxed",
        ["note"] = "fields the protocol does not name; a client ignores them",
    };

    public static void AddTo(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        Add(typeInfo, "x_relaxed", typeof(bool), _ => true);
        Add(typeInfo, "trace_id", typeof(string), _ => $"tr-{Guid.NewGuid():N}"[..15]);
        // A dictionary, so that the extra object does not itself get extras (and so on).
        Add(typeInfo, "meta", typeof(Dictionary<string, string>), _ => Meta);
    }

    private static void Add(JsonTypeInfo typeInfo, string name, Type type, Func<object, object?> get)
    {
        if (typeInfo.Properties.Any(property => property.Name == name))
        {
            return;
        }

        var property = typeInfo.CreateJsonPropertyInfo(type, name);
        property.Get = get;
        property.ShouldSerialize = (_, _) => PlatformVariant.Current.IsRelaxed;
        typeInfo.Properties.Add(property);
    }
}

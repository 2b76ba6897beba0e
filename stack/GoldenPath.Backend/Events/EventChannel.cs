using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>Run events travel on one Redis channel per user, so an instance can route them without reading them.</summary>
public static class EventChannel
{
    private const string Prefix = "goldenpath:events:";

    public static RedisChannel AllUsers { get; } = RedisChannel.Pattern(Prefix + "*");

    public static RedisChannel ForUser(Guid userId) => RedisChannel.Literal(Prefix + userId.ToString("D"));

    public static bool TryGetUser(RedisChannel channel, out Guid userId)
    {
        var name = channel.ToString();
        userId = Guid.Empty;
        return name.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(name.AsSpan(Prefix.Length), "D", out userId);
    }
}

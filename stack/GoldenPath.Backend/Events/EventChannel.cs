using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>Run events travel on one Redis channel per user, so an instance can route them without reading them.</summary>
public static class EventChannel
{
    private const string Prefix = "goldenpath:events:";

    public static RedisChannel AllUsers { get; } = RedisChannel.Pattern(Prefix + "*");

    public static RedisChannel ForUser(string userId) => RedisChannel.Literal(Prefix + userId);

    public static bool TryGetUser(RedisChannel channel, out string userId)
    {
        var name = channel.ToString();
        userId = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : "";
        return userId.Length > 0;
    }
}

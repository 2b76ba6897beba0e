using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>
/// Run events travel on one Redis channel per user, so an instance can route them without reading them:
/// <c>goldenpath:events:&lt;user id&gt;</c>. Under the tabs-sender-only fault a run publishes on
/// <c>goldenpath:events:&lt;user id&gt;/&lt;connection id&gt;</c> instead, which reaches that one connection.
/// </summary>
public static class EventChannel
{
    private const string Prefix = "goldenpath:events:";
    private const char ConnectionSeparator = '/';

    public static RedisChannel AllUsers { get; } = RedisChannel.Pattern(Prefix + "*");

    public static RedisChannel ForUser(string userId) => RedisChannel.Literal(Prefix + userId);

    public static RedisChannel ForConnection(string userId, string connectionId) =>
        RedisChannel.Literal(Prefix + userId + ConnectionSeparator + connectionId);

    /// <param name="connectionId">The one connection of the user to deliver to, or null for all of them.</param>
    public static bool TryParse(RedisChannel channel, out string userId, out string? connectionId)
    {
        var name = channel.ToString();
        var rest = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : "";
        var separator = rest.IndexOf(ConnectionSeparator);
        userId = separator < 0 ? rest : rest[..separator];
        connectionId = separator < 0 ? null : rest[(separator + 1)..];
        return userId.Length > 0;
    }
}

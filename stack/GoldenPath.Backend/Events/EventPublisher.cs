using System.Text.Json;
using GoldenPath.Platform.Common.Json;
using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>Publishes run frames to a user's channel; every backend instance delivers them to its connections of that user.</summary>
public sealed class EventPublisher(IConnectionMultiplexer redis)
{
    public Task PublishAsync(RedisChannel channel, object frame) =>
        redis.GetSubscriber().PublishAsync(channel, JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), PlatformJson.Options));
}

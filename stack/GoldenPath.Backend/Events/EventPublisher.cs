using System.Text.Json;
using GoldenPath.Platform.Common.Json;
using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>Publishes run events to the user's channel; every backend instance delivers them to its connections of that user.</summary>
public sealed class EventPublisher(IConnectionMultiplexer redis)
{
    public Task PublishAsync(RunEvent runEvent) =>
        redis.GetSubscriber().PublishAsync(
            EventChannel.ForUser(runEvent.UserId),
            JsonSerializer.SerializeToUtf8Bytes(runEvent, PlatformJson.Options));
}

using GoldenPath.Backend.Faults;
using GoldenPath.Backend.WebSockets;
using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>
/// Subscribes to the events of all users and hands each to this instance's connections of its user.
/// The ChannelMessageQueue delivers messages one at a time in publish order, so a run's events stay ordered.
/// </summary>
public sealed class EventSubscriber(
    IConnectionMultiplexer redis,
    ConnectionRegistry connections,
    BackendReadiness readiness,
    RunFaults faults,
    ILogger<EventSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(EventChannel.AllUsers);
                queue.OnMessage(Deliver);
                readiness.MarkSubscribed();
                logger.LogInformation("Subscribed to run events");
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis subscription failed, retrying: {Reason}", ex.Message);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Deliver(ChannelMessage message)
    {
        if (!EventChannel.TryParse(message.Channel, out var userId, out var onlyConnection))
        {
            return;
        }

        byte[] payload = message.Message!;
        foreach (var connection in connections.ForUser(userId))
        {
            if (onlyConnection is null || connection.Id == onlyConnection)
            {
                connection.Send(payload);
            }
        }

        if (faults.LeaksNextEvent(out var ordinal))
        {
            // The leak-events faults: the frame, unchanged, also reaches another user connected to this instance.
            foreach (var connection in faults.SpreadsLeaks ? connections.OfOtherUserAt(ordinal, userId) : connections.OfMostRecentOtherUser(userId))
            {
                connection.Send(payload);
            }
        }
    }
}

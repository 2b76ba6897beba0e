using GoldenPath.Platform.Common.Faults;
using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>
/// Ready means a WebSocket client would get its events: the schema exists (startup waits for it),
/// the Redis event subscription is established and connected, and the service is not stopping.
/// </summary>
public sealed class BackendReadiness(IConnectionMultiplexer redis, FaultSwitches faults)
{
    private volatile bool _subscribed;
    private volatile bool _stopping;

    public bool IsReady => _subscribed && !_stopping && !faults.IsOn(FaultSwitches.NotReady) && redis.GetSubscriber().IsConnected(EventChannel.AllUsers);

    public void MarkSubscribed() => _subscribed = true;

    public void MarkStopping() => _stopping = true;
}

using GoldenPath.Platform.Common.Faults;
using StackExchange.Redis;

namespace GoldenPath.Backend.Events;

/// <summary>
/// Ready means a WebSocket client would get its events: the schema exists (startup waits for it),
/// the Redis event subscription is established and connected, and the service is not stopping.
/// </summary>
public sealed class BackendReadiness(IConnectionMultiplexer redis, FaultSwitches faults)
{
    private volatile bool subscribed;
    private volatile bool stopping;

    public bool IsReady => subscribed && !stopping && !faults.IsOn(FaultSwitches.NotReady) && redis.GetSubscriber().IsConnected(EventChannel.AllUsers);

    public void MarkSubscribed() => subscribed = true;

    public void MarkStopping() => stopping = true;
}

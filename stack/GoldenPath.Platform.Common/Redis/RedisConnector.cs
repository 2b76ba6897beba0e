using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Redis;

/// <summary>Connects to Redis without failing when it is down, so /health can report it instead.</summary>
public static class RedisConnector
{
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 2_000;
        options.AsyncTimeout = 2_000;
        options.ConnectRetry = 1;
        return ConnectionMultiplexer.Connect(options);
    }
}

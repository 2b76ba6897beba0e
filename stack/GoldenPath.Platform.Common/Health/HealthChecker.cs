using Npgsql;
using StackExchange.Redis;

namespace GoldenPath.Platform.Common.Health;

/// <summary>Probes PostgreSQL (SELECT 1) and Redis (PING) concurrently, each with a short timeout.</summary>
public sealed class HealthChecker(NpgsqlDataSource dataSource, IConnectionMultiplexer redis)
{
    public const string Ok = "ok";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const int MaxReasonLength = 200;

    public async Task<HealthReport> CheckAsync(string service, CancellationToken cancellationToken)
    {
        var postgres = ProbeAsync(PingPostgresAsync, cancellationToken);
        var redisCheck = ProbeAsync(PingRedisAsync, cancellationToken);
        return HealthReport.From(service, new HealthChecks(await postgres, await redisCheck));
    }

    private static async Task<string> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe(timeout.Token).WaitAsync(timeout.Token);
            return Ok;
        }
        catch (OperationCanceledException)
        {
            return $"timed out after {Timeout.TotalSeconds:0} s";
        }
        catch (Exception ex)
        {
            var reason = ex.Message.ReplaceLineEndings(" ");
            return reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        }
    }

    private async Task PingPostgresAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task PingRedisAsync(CancellationToken cancellationToken)
    {
        // While disconnected a PING would wait for the reconnect until it times out: answer at once instead.
        if (!redis.IsConnected)
        {
            throw new InvalidOperationException("not connected");
        }

        await redis.GetDatabase().PingAsync();
    }
}

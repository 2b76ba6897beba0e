using GoldenPath.Platform.Common.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GoldenPath.Platform.Common.Storage;

/// <summary>
/// Creates the schema at start. Both services may start at once against an empty database, and
/// concurrent CREATE ... IF NOT EXISTS can still collide, so creation runs under an advisory lock.
/// </summary>
public sealed class SchemaInitializer(NpgsqlDataSource dataSource, ILogger<SchemaInitializer> logger)
{
    private const long AdvisoryLockKey = 0x60_1D_E9_A7;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries for up to <paramref name="budget"/>, then throws naming the last failure.</summary>
    public async Task EnsureCreatedAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        string? lastFailure = null;
        for (var attempt = 1; !timeout.IsCancellationRequested; attempt++)
        {
            try
            {
                await CreateAsync(timeout.Token);
                return;
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                // A failure caused by our own timeout says less than the one before it.
                if (lastFailure is null || !timeout.IsCancellationRequested)
                {
                    lastFailure = ex.Message;
                }

                logger.Log(attempt == 1 ? LogLevel.Warning : LogLevel.Debug, "PostgreSQL not ready (attempt {Attempt}), retrying: {Reason}", attempt, ex.Message);
                await Task.Delay(RetryDelay, timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        throw new StartupException($"PostgreSQL schema not ready after {budget.TotalSeconds:0} s: {lastFailure ?? "cancelled"}");
    }

    private static bool IsRetryable(Exception ex) => ex is NpgsqlException or TimeoutException or OperationCanceledException;

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction).WithParameters(AdvisoryLockKey))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var schemaCommand = new NpgsqlCommand(DatabaseSchema.Sql, connection, transaction))
        {
            await schemaCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

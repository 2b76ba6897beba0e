using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.Backend.Storage;

public static class RunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public sealed class RunRepository(NpgsqlDataSource dataSource)
{
    public async Task FinishAsync(string runId, string status, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE runs SET status = $2, error = $3, finished_at = now() WHERE id = $1");
        command.WithParameters(runId, status, error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

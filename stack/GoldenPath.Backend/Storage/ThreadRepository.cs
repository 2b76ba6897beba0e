using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.Backend.Storage;

public sealed class ThreadRepository(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ThreadSummary>> ListForUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, title, created_at, updated_at FROM threads WHERE user_id = $1 ORDER BY updated_at DESC, id");
        command.WithParameters(userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var threads = new List<ThreadSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            threads.Add(new ThreadSummary(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3)));
        }

        return threads;
    }

    /// <summary>Every user's threads: only the leak-threads fault asks.</summary>
    public async Task<IReadOnlyList<ThreadSummary>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, title, created_at, updated_at FROM threads ORDER BY updated_at DESC, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var threads = new List<ThreadSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            threads.Add(new ThreadSummary(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3)));
        }

        return threads;
    }

    /// <summary>Whether the thread exists, whoever owns it: only the leak-messages fault asks.</summary>
    public async Task<bool> ExistsAsync(string threadId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM threads WHERE id = $1");
        command.WithParameters(threadId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<bool> IsOwnedByAsync(string threadId, string userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM threads WHERE id = $1 AND user_id = $2");
        command.WithParameters(threadId, userId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}

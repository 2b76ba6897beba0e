using GoldenPath.Platform.Common.Ids;
using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.Backend.Storage;

public sealed class MessageRepository(NpgsqlDataSource dataSource, IdGenerator ids)
{
    public Task<IReadOnlyList<StoredMessage>> ListForThreadAsync(string threadId, CancellationToken cancellationToken) =>
        ListAsync("thread_id", threadId, cancellationToken);

    /// <summary>Every message of every thread of the user, oldest first (only the messages-all-threads fault lists these as one thread's).</summary>
    public Task<IReadOnlyList<StoredMessage>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
        ListAsync("user_id", userId, cancellationToken);

    private async Task<IReadOnlyList<StoredMessage>> ListAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, role, content, run_id, created_at FROM messages WHERE {column} = $1 ORDER BY seq");
        command.WithParameters(value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new StoredMessage(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetDateTime(4)));
        }

        return messages;
    }

    /// <summary>How many messages each of <paramref name="threadIds"/> holds (a thread without any is absent): netra's message_count.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByThreadAsync(string[] threadIds, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        if (threadIds.Length == 0)
        {
            return counts;
        }

        await using var command = dataSource.CreateCommand("SELECT thread_id, count(*) FROM messages WHERE thread_id = ANY($1) GROUP BY thread_id");
        command.WithParameters((object)threadIds); // one text[] parameter, not one parameter per id
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Stores the answer; with <paramref name="finishRun"/>, also marks the run completed, in the same round trip.</summary>
    public async Task AddAssistantMessageAsync(AcceptedTurn turn, string content, CancellationToken cancellationToken, bool finishRun = false)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH inserted AS (
                INSERT INTO messages (id, thread_id, user_id, role, content, run_id)
                VALUES ($1, $2, $3, 'assistant', $4, $5)
            ){(finishRun ? $", finished AS (UPDATE runs SET status = '{RunStatus.Completed}', finished_at = now() WHERE id = $5)" : string.Empty)}
            UPDATE threads SET updated_at = now() WHERE id = $2
            """);
        command.WithParameters(await ids.NextAsync(IdKind.Message, cancellationToken), turn.ThreadId, turn.UserId, content, turn.RunId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many messages the user sent before <paramref name="beforeSequence"/>, and the latest few of them.</summary>
    /// <param name="throughSequence">Include the message at <paramref name="beforeSequence"/> (the history-search-quotes-itself fault).</param>
    /// <param name="onlyThread">Only this thread's messages (the history-search-one-thread fault); null: all the user's threads.</param>
    public async Task<(int Count, IReadOnlyList<string> Latest)> FindEarlierUserMessagesAsync(
        string userId, long beforeSequence, int limit, CancellationToken cancellationToken, bool throughSequence = false, string? onlyThread = null)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT content, count(*) OVER () FROM messages
            WHERE user_id = $1 AND role = 'user' AND seq {(throughSequence ? "<=" : "<")} $2 AND ($4::text IS NULL OR thread_id = $4)
            ORDER BY seq DESC LIMIT $3
            """);
        command.WithParameters(userId, beforeSequence, limit, onlyThread!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = new List<string>();
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(reader.GetString(0));
            count = (int)reader.GetInt64(1);
        }

        return (count, latest);
    }
}

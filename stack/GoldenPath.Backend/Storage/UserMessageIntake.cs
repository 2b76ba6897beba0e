using GoldenPath.Platform.Common.Configuration;
using GoldenPath.Platform.Common.Ids;
using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.Backend.Storage;

/// <summary>Stores a user message and its run in one transaction, creating the thread when none is given.</summary>
public sealed class UserMessageIntake(NpgsqlDataSource dataSource, IdGenerator ids, PlatformVariant variant)
{
    private const int TitleLength = 60;

    /// <returns>The accepted turn, or null when <paramref name="threadId"/> is not a thread of this user.</returns>
    public async Task<AcceptedTurn?> AcceptAsync(string userId, string? threadId, string content, CancellationToken cancellationToken)
    {
        var thread = threadId ?? await ids.NextAsync(IdKind.Thread, cancellationToken);
        var runId = await ids.NextAsync(IdKind.Run, cancellationToken);
        var messageId = await ids.NextAsync(IdKind.Message, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var claimThread = threadId is null
            ? new NpgsqlCommand("INSERT INTO threads (id, user_id, title) VALUES ($1, $2, $3)", connection)
                .WithParameters(thread, userId, Title(content))
            : new NpgsqlCommand("UPDATE threads SET updated_at = now() WHERE id = $1 AND user_id = $2", connection)
                .WithParameters(thread, userId);
        if (await claimThread.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }

        await using var insertRun = new NpgsqlCommand("INSERT INTO runs (id, thread_id, user_id, status) VALUES ($1, $2, $3, $4)", connection)
            .WithParameters(runId, thread, userId, RunStatus.Running);
        await insertRun.ExecuteNonQueryAsync(cancellationToken);

        await using var insertMessage = new NpgsqlCommand("""
            INSERT INTO messages (id, thread_id, user_id, role, content, run_id)
            VALUES ($1, $2, $3, 'user', $4, $5) RETURNING seq
            """, connection).WithParameters(messageId, thread, userId, content, runId);
        var sequence = (long)(await insertMessage.ExecuteScalarAsync(cancellationToken))!;

        await transaction.CommitAsync(cancellationToken);
        return new AcceptedTurn(userId, thread, runId, messageId, sequence, content);
    }

    private string Title(string content)
    {
        var singleLine = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (variant.IsRelaxed)
        {
            singleLine = $"Chat about: {singleLine}";
        }

        return singleLine.Length <= TitleLength ? singleLine : string.Concat(singleLine.AsSpan(0, TitleLength - 1), "…");
    }
}

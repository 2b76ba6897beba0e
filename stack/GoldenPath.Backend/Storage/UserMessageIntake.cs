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

        // One statement, so one round trip and atomic without a transaction: the thread is created (or, when given, must be
        // this user's), then the run and the message; when the thread is not the user's, nothing is written and no row returns.
        var claimThread = threadId is null
            ? "INSERT INTO threads (id, user_id, title) VALUES ($1, $2, $3) RETURNING id"
            : "UPDATE threads SET updated_at = now() WHERE id = $1 AND user_id = $2 AND $3::text IS NULL RETURNING id";
        await using var command = dataSource.CreateCommand($"""
            WITH thread AS ({claimThread}),
            run AS (INSERT INTO runs (id, thread_id, user_id, status) SELECT $4, id, $2, $5 FROM thread RETURNING thread_id)
            INSERT INTO messages (id, thread_id, user_id, role, content, run_id)
            SELECT $6, thread_id, $2, 'user', $7, $4 FROM run RETURNING seq
            """).WithParameters(thread, userId, threadId is null ? Title(content) : null, runId, RunStatus.Running, messageId, content);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long sequence)
        {
            return null;
        }

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

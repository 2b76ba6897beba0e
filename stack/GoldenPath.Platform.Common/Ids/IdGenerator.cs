using System.Globalization;
using GoldenPath.Platform.Common.Configuration;
using Npgsql;

namespace GoldenPath.Platform.Common.Ids;

/// <summary>The kinds of id the services issue; each has its own PostgreSQL sequence under the relaxed variant.</summary>
public enum IdKind
{
    User,
    Thread,
    Run,
    Message,
    Event,
    Connection,
    ToolCall,
}

/// <summary>
/// Issues ids (PROTOCOL §0: opaque, compared whole). Strict: UUID strings (tool calls <c>call_&lt;hex&gt;</c>).
/// Relaxed: decimal strings from one sequence per kind, shared by every instance, so a user "7" and a run "7" can coexist.
/// </summary>
public sealed class IdGenerator(NpgsqlDataSource dataSource, PlatformVariant variant)
{
    public async Task<string> NextAsync(IdKind kind, CancellationToken cancellationToken = default)
    {
        if (!variant.IsRelaxed)
        {
            return kind == IdKind.ToolCall ? $"call_{Guid.NewGuid():N}" : Guid.NewGuid().ToString();
        }

        await using var command = dataSource.CreateCommand($"SELECT nextval('{SequenceOf(kind)}')");
        var value = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The sequence names, created with the schema.</summary>
    public static string SequenceOf(IdKind kind) => kind switch
    {
        IdKind.User => "user_ids",
        IdKind.Thread => "thread_ids",
        IdKind.Run => "run_ids",
        IdKind.Message => "message_ids",
        IdKind.Event => "event_ids",
        IdKind.Connection => "connection_ids",
        IdKind.ToolCall => "tool_call_ids",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

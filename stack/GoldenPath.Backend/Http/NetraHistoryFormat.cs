using System.Globalization;
using System.Text.Json.Serialization;
using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Backend.Http;

/// <summary>
/// The netra-apex history bodies (shared/dialects/netra-apex.md, netra's routes/threads_route.py): threads as
/// <c>{id, object: "thread", title, created_at, updated_at, metadata, message_count}</c> with epoch-second times,
/// messages wrapped in <c>{thread_id, messages, total, limit, offset}</c>, FastAPI's <c>{"detail": …}</c> errors, and
/// 403 for another user's thread. <c>?limit</c> and <c>?offset</c> as netra takes them (threads: 20, messages: 50, at
/// most 100).
/// </summary>
public sealed class NetraHistoryFormat(MessageRepository messages, PlatformVariant variant) : IHistoryFormat
{
    private const int MaxLimit = 100;

    public bool RevealsOthersThreads => true;

    public IResult Unauthorized() => Detail(StatusCodes.Status401Unauthorized, "a valid access token is required");

    public IResult ThreadNotFound() => Detail(StatusCodes.Status404NotFound, "Thread not found");

    public IResult AccessDenied() => Detail(StatusCodes.Status403Forbidden, "Access denied");

    public async Task<IResult> ThreadsAsync(IReadOnlyList<ThreadSummary> threads, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (Page(query, defaultLimit: 20) is not { } paging)
        {
            return InvalidPage();
        }

        var (limit, offset) = paging;

        var page = threads.Skip(offset).Take(limit).ToArray();
        var counts = await messages.CountByThreadAsync([.. page.Select(thread => thread.ThreadId)], cancellationToken);
        return Results.Json(page.Select(thread => new NetraThread(
            thread.ThreadId,
            thread.Title,
            Epoch(thread.CreatedAt),
            Epoch(thread.UpdatedAt),
            [],
            counts.GetValueOrDefault(thread.ThreadId))).ToArray());
    }

    public IResult Messages(string threadId, IReadOnlyList<StoredMessage> stored, IQueryCollection query)
    {
        if (Page(query, defaultLimit: 50) is not { } paging)
        {
            return InvalidPage();
        }

        var (limit, offset) = paging;

        // netra's messages carry no run_id; ours put it in metadata (our choice, free under netra's open metadata
        // object) so that a client without message_ack can still find the answer of a run in the history.
        var page = stored.Skip(offset).Take(limit).Select(message => new NetraMessage(
            message.MessageId,
            message.Role,
            message.Content,
            Epoch(message.CreatedAt),
            message.RunId is null ? [] : new Dictionary<string, object?> { ["run_id"] = message.RunId })).ToArray();
        return Results.Json(new NetraMessagePage(threadId, page, stored.Count, limit, offset));
    }

    private static (int Limit, int Offset)? Page(IQueryCollection query, int defaultLimit)
    {
        var limit = Integer(query, "limit", defaultLimit, min: 1, max: MaxLimit);
        var offset = Integer(query, "offset", 0, min: 0, max: int.MaxValue);
        return limit is { } l && offset is { } o ? (l, o) : null;
    }

    private static int? Integer(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return fallback;
        }

        return int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;
    }

    private IResult InvalidPage() =>
        Detail(StatusCodes.Status422UnprocessableEntity, $"limit must be an integer from 1 to {MaxLimit} and offset a non-negative integer");

    private IResult Detail(int statusCode, string detail) => Results.Json(new NetraDetail(variant.ErrorMessage(detail)), statusCode: statusCode);

    /// <summary>netra's threads and messages keep whole epoch seconds (int columns).</summary>
    private static long Epoch(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}

/// <summary>FastAPI's error body.</summary>
public sealed record NetraDetail(string Detail);

public sealed record NetraThread(
    [property: JsonPropertyOrder(-2)] string Id, string Title, long CreatedAt, long UpdatedAt, Dictionary<string, object?> Metadata, int MessageCount)
{
    [JsonPropertyOrder(-1)]
    public string Object => "thread";
}

public sealed record NetraMessage(string Id, string Role, string Content, long CreatedAt, Dictionary<string, object?> Metadata);

public sealed record NetraMessagePage(string ThreadId, IReadOnlyList<NetraMessage> Messages, int Total, int Limit, int Offset);

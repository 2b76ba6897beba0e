using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.Backend.Http;

/// <summary>
/// Thread history over HTTP (PROTOCOL §2): who may see what is decided here, the dialect's <see cref="IHistoryFormat"/>
/// writes it. Another user's thread is 404, like a thread that does not exist, unless the dialect tells them apart (netra's 403).
/// </summary>
public static class ThreadEndpoints
{
    public static void MapThreadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/threads", ListThreadsAsync);
        endpoints.MapGet("/api/threads/{threadId}/messages", ListMessagesAsync);
    }

    private static async Task<IResult> ListThreadsAsync(
        HttpRequest request, AccessTokenAuthenticator authenticator, ThreadRepository threads, RunFaults faults, IHistoryFormat format)
    {
        var validation = await authenticator.AuthenticateAsync(request);
        if (validation.Claims is not { } claims)
        {
            return faults.ListsThreadsWithoutToken ? await format.ThreadsAsync([], request.Query, request.HttpContext.RequestAborted) : format.Unauthorized();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var visible = faults.ListsEveryonesThreads
            ? await threads.ListAllAsync(cancellationToken)
            : await threads.ListForUserAsync(claims.UserId, cancellationToken);
        return await format.ThreadsAsync(visible, request.Query, cancellationToken);
    }

    private static async Task<IResult> ListMessagesAsync(
        string threadId,
        HttpRequest request,
        AccessTokenAuthenticator authenticator,
        ThreadRepository threads,
        MessageRepository messages,
        RunFaults faults,
        IHistoryFormat format)
    {
        var validation = await authenticator.AuthenticateAsync(request);
        if (validation.Claims is not { } claims)
        {
            return format.Unauthorized();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var visible = faults.ShowsOthersMessages
            ? await threads.ExistsAsync(threadId, cancellationToken)
            : await threads.IsOwnedByAsync(threadId, claims.UserId, cancellationToken);
        if (!visible)
        {
            return format.RevealsOthersThreads && await threads.ExistsAsync(threadId, cancellationToken)
                ? format.AccessDenied()
                : format.ThreadNotFound();
        }

        var listed = faults.MixesUsersThreads
            ? await messages.ListForUserAsync(claims.UserId, cancellationToken)
            : await messages.ListForThreadAsync(threadId, cancellationToken);
        return format.Messages(threadId, faults.ListsNewestFirst ? listed.Reverse().ToArray() : listed, request.Query);
    }
}

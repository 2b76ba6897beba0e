using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Http;
using GoldenPath.Platform.Common.Tokens;

namespace GoldenPath.Backend.Http;

/// <summary>Thread history over HTTP (PROTOCOL §2). Another user's thread is 404, like a thread that does not exist.</summary>
public static class ThreadEndpoints
{
    public static void MapThreadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/threads", ListThreadsAsync);
        endpoints.MapGet("/api/threads/{threadId}/messages", ListMessagesAsync);
    }

    private static async Task<IResult> ListThreadsAsync(
        HttpRequest request, AccessTokenAuthenticator authenticator, ThreadRepository threads, RunFaults faults)
    {
        var validation = await authenticator.AuthenticateAsync(request);
        if (validation.Claims is not { } claims)
        {
            return Unauthorized();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        return Results.Json(faults.ListsEveryonesThreads
            ? await threads.ListAllAsync(cancellationToken)
            : await threads.ListForUserAsync(claims.UserId, cancellationToken));
    }

    private static async Task<IResult> ListMessagesAsync(
        string threadId, HttpRequest request, AccessTokenAuthenticator authenticator, ThreadRepository threads, MessageRepository messages, RunFaults faults)
    {
        var validation = await authenticator.AuthenticateAsync(request);
        if (validation.Claims is not { } claims)
        {
            return Unauthorized();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var visible = faults.ShowsOthersMessages
            ? await threads.ExistsAsync(threadId, cancellationToken)
            : await threads.IsOwnedByAsync(threadId, claims.UserId, cancellationToken);
        if (!visible)
        {
            return ApiError.Result(StatusCodes.Status404NotFound, "not_found", "thread not found");
        }

        return Results.Json(await messages.ListForThreadAsync(threadId, cancellationToken));
    }

    private static IResult Unauthorized() => ApiError.Unauthorized("invalid_token", "a valid access token is required");
}

using GoldenPath.Backend.Storage;
using GoldenPath.Platform.Common.Http;

namespace GoldenPath.Backend.Http;

/// <summary>
/// The HTTP history bodies of one dialect (GOLDENPATH_DIALECT): <see cref="ProtocolHistoryFormat"/> is PROTOCOL §2,
/// <see cref="NetraHistoryFormat"/> the netra-apex bodies. ThreadEndpoints decides who may see what; the format only writes it.
/// </summary>
public interface IHistoryFormat
{
    /// <summary>Whether another user's thread is told apart from an unknown one (netra's 403), which PROTOCOL §2 forbids.</summary>
    bool RevealsOthersThreads { get; }

    IResult Unauthorized();

    IResult ThreadNotFound();

    /// <summary>Another user's thread, where <see cref="RevealsOthersThreads"/>.</summary>
    IResult AccessDenied();

    Task<IResult> ThreadsAsync(IReadOnlyList<ThreadSummary> threads, IQueryCollection query, CancellationToken cancellationToken);

    IResult Messages(string threadId, IReadOnlyList<StoredMessage> messages, IQueryCollection query);
}

/// <summary>PROTOCOL §2: bare arrays of the stored rows, ApiError bodies, 404 for another user's thread.</summary>
public sealed class ProtocolHistoryFormat : IHistoryFormat
{
    public bool RevealsOthersThreads => false;

    public IResult Unauthorized() => ApiError.Unauthorized("invalid_token", "a valid access token is required");

    public IResult ThreadNotFound() => ApiError.Result(StatusCodes.Status404NotFound, "not_found", "thread not found");

    public IResult AccessDenied() => ThreadNotFound();

    public Task<IResult> ThreadsAsync(IReadOnlyList<ThreadSummary> threads, IQueryCollection query, CancellationToken cancellationToken) =>
        Task.FromResult(Results.Json(threads));

    public IResult Messages(string threadId, IReadOnlyList<StoredMessage> messages, IQueryCollection query) => Results.Json(messages);
}

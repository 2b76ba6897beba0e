using GoldenPath.Platform.Common.Configuration;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.Platform.Common.Http;

/// <summary>The error body of every endpoint: <c>{"error": "&lt;code&gt;", "message": "&lt;text&gt;"}</c>.</summary>
public sealed record ApiError(string Error, string Message)
{
    public static IResult Result(int statusCode, string error, string message) =>
        Results.Json(new ApiError(error, PlatformVariant.Current.ErrorMessage(message)), statusCode: statusCode);

    public static IResult InvalidRequest(string message) =>
        Result(StatusCodes.Status422UnprocessableEntity, "invalid_request", message);

    public static IResult Unauthorized(string error, string message) =>
        Result(StatusCodes.Status401Unauthorized, error, message);
}

using System.Text.Json;
using GoldenPath.Platform.Common.Json;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.Platform.Common.Http;

/// <summary>
/// Reads a JSON request body whatever its Content-Type, so that a malformed body is a 422 of ours
/// rather than the framework's 400.
/// </summary>
public static class JsonBodyReader
{
    public static async Task<T?> TryReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, PlatformJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

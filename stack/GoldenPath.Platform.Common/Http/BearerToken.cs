using Microsoft.AspNetCore.Http;

namespace GoldenPath.Platform.Common.Http;

/// <summary>Extracts the token of an <c>Authorization: Bearer &lt;token&gt;</c> header.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}

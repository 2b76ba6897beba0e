namespace GoldenPath.AuthService.Endpoints;

/// <summary>The routes of PROTOCOL §1 (GET /health is mapped by the platform).</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/auth").RequireCors(BrowserCors.Policy);
        auth.MapPost("/register", RegisterEndpoint.HandleAsync);
        auth.MapPost("/login", LoginEndpoint.HandleAsync);
        auth.MapPost("/refresh", RefreshEndpoint.HandleAsync);
        auth.MapPost("/validate", ValidateEndpoint.HandleAsync);
        auth.MapPost("/logout", LogoutEndpoint.HandleAsync);
    }
}

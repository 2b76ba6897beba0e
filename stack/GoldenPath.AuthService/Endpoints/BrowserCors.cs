namespace GoldenPath.AuthService.Endpoints;

/// <summary>
/// The chat page comes from the backend, another origin, and calls /auth/* from the browser. Any origin
/// may: tokens travel in bodies and the Authorization header, never in cookies, so no credentials are allowed.
/// </summary>
public static class BrowserCors
{
    public const string Policy = "browser-pages";

    public static IServiceCollection AddBrowserCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("POST")
            .WithHeaders("Content-Type", "Authorization")));
}

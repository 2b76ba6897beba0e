using GoldenPath.AuthService.Endpoints;
using GoldenPath.AuthService.Tokens;
using GoldenPath.AuthService.Users;
using GoldenPath.Platform.Common.Hosting;

return await PlatformApplication.RunAsync(
    args,
    service: "auth",
    addServices: services => services
        .AddSingleton<PasswordHasher>()
        .AddSingleton<UserStore>()
        .AddSingleton<RefreshTokenStore>()
        .AddSingleton<TokenPairIssuer>()
        .AddBrowserCors(),
    mapEndpoints: app =>
    {
        app.UseCors();
        app.MapAuthEndpoints();
    });

using GoldenPath.Backend;
using GoldenPath.Platform.Common.Hosting;

return await PlatformApplication.RunAsync(
    args,
    service: "backend",
    addServices: services => services.AddBackend(),
    mapEndpoints: app => app.MapBackend());

using Microsoft.Extensions.FileProviders;

namespace GoldenPath.Backend.Http;

/// <summary>
/// The chat page at "/": plain HTML, CSS and JavaScript from wwwroot, no build step. Read from the
/// build output rather than the content root, because the processes stack starts the backend from its run folder.
/// </summary>
public static class ChatPage
{
    public static void UseChatPage(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            // A build without the page still serves the protocol; the page is not worth failing the service for.
            app.Logger.LogWarning("The chat page is not served: {Root} is missing from the build output", root);
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page changes with the backend it comes from; a browser must not keep an old copy.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}

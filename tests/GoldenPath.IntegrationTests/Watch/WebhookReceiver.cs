using System.Collections.Concurrent;
using System.Net;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Watch;

/// <summary>A webhook on loopback (a real HTTP listener) that answers every POST 200 and keeps its body, in order.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<string> bodies = new();
    private readonly Task serving;

    private WebhookReceiver(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/services/T0/B0/webhook-key");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = ServeAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<string> Bodies => bodies.ToArray();

    public static WebhookReceiver Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new WebhookReceiver(FreePort.Next());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // another process took the port between FreePort and the bind: take another
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Close();
        await serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            using (var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding))
            {
                var body = await reader.ReadToEndAsync().ConfigureAwait(false);
                if (context.Request.HttpMethod == "POST")
                {
                    bodies.Enqueue(body);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}

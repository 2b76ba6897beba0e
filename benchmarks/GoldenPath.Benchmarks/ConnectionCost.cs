using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Websocket.Client;

namespace GoldenPath.Benchmarks;

/// <summary>
/// <c>connections N</c>: what one client connection costs, Websocket.Client (as the suite's PlatformSocket uses it) against a bare
/// ClientWebSocket with its own receive loop: N connections to an in-process Kestrel server that greets each and then sends
/// it 10 frames; the client's GC heap and working set with all of them open, and its CPU to connect and receive the 11 frames, per connection.
/// </summary>
public static class ConnectionCost
{
    private const int FramesPerConnection = 10;
    private static readonly byte[] Frame = Encoding.UTF8.GetBytes("""{"type":"agent_thinking","event_id":"e","run_id":"r","thread_id":"t","user_id":"u","agent_name":"a","timestamp":"2026-12-02T00:00:00Z","reasoning":"thinking"}""");

    public static async Task RunAsync(int connections)
    {
        await using var server = await StartServerAsync();
        var url = new Uri($"ws://127.0.0.1:{new Uri(server.Urls.First()).Port}/ws");
        Console.WriteLine($"{connections} connections each, {FramesPerConnection} frames each, on {Environment.ProcessorCount} cores");
        Console.WriteLine("| client | heap / connection | working set / connection | CPU / connection (connect, 11 frames) |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var round = 0; round < 2; round++) // the first round warms up the JIT; the second is reported
        {
            var bare = await MeasureAsync("bare ClientWebSocket", connections, url, BareAsync);
            var library = await MeasureAsync("Websocket.Client", connections, url, LibraryAsync);
            if (round == 1)
            {
                Console.WriteLine(bare);
                Console.WriteLine(library);
            }
        }
    }

    private delegate Task<(IAsyncDisposable Connection, Func<int> Received)> Connect(Uri url);

    private static async Task<string> MeasureAsync(string name, int connections, Uri url, Connect connect)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var opened = new List<(IAsyncDisposable Connection, Func<int> Received)>();
        foreach (var batch in Enumerable.Range(0, connections).Chunk(100))
        {
            opened.AddRange(await Task.WhenAll(batch.Select(_ => connect(url))));
        }

        var deadline = Stopwatch.StartNew();
        while (opened.Sum(o => o.Received()) < connections * (FramesPerConnection + 1) && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10); // deliberate: polls the frame count of thousands of connections, with a deadline
        }

        var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var workingSet = Environment.WorkingSet - workingSetBefore;
        foreach (var connection in opened)
        {
            await connection.Connection.DisposeAsync();
        }

        return $"| {name} | {heap / connections / 1024.0:0.0} KB | {workingSet / connections / 1024.0:0.0} KB | {spent.TotalMilliseconds * 1000 / connections:0} µs |";
    }

    private static async Task<(IAsyncDisposable, Func<int>)> BareAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);
        var received = 0;
        var loop = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _ = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    Interlocked.Increment(ref received);
                }
            }
        });
        return (new Disposer(async () =>
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            await loop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            socket.Dispose();
        }), () => Volatile.Read(ref received));
    }

    private static async Task<(IAsyncDisposable, Func<int>)> LibraryAsync(Uri url)
    {
        var client = new WebsocketClient(url, () => new ClientWebSocket()) { IsReconnectionEnabled = false, ReconnectTimeout = null, ErrorReconnectTimeout = null };
        var received = 0;
        client.MessageReceived.Subscribe(m => { _ = m.Text; Interlocked.Increment(ref received); });
        await client.StartOrFail();
        return (new Disposer(async () =>
        {
            await client.Stop(WebSocketCloseStatus.NormalClosure, "done");
            client.Dispose();
        }), () => Volatile.Read(ref received));
    }

    private static async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            for (var i = 0; i <= FramesPerConnection; i++)
            {
                await socket.SendAsync(Frame, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            var buffer = new byte[1024];
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        });
        await app.StartAsync();
        return app;
    }

    private sealed class Disposer(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}

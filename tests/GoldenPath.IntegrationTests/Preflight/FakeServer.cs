using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GoldenPath.IntegrationTests.Preflight;

/// <summary>
/// A tiny loopback server that answers each request path with a fixed status and body, optionally over
/// TLS: the broken deployments (a proxy answering 403 to upgrades, a bad certificate) the reference stack cannot play.
/// </summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public FakeServer(IReadOnlyDictionary<string, (int Status, string Body)> routes, X509Certificate2? certificate = null)
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        serving = ServeAsync(routes, certificate);
    }

    public int Port { get; }

    public Uri Url(string scheme, string path = "/") => new($"{scheme}://127.0.0.1:{Port}{path}");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task ServeAsync(IReadOnlyDictionary<string, (int Status, string Body)> routes, X509Certificate2? certificate)
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = AnswerAsync(client, routes, certificate);
        }
    }

    private async Task AnswerAsync(TcpClient client, IReadOnlyDictionary<string, (int Status, string Body)> routes, X509Certificate2? certificate)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(certificate);
                    stream = tls;
                }

                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync(stop.Token) ?? string.Empty;
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token)))
                {
                }

                var path = requestLine.Split(' ') is [_, var target, ..] ? target : "/";
                var (status, body) = routes.TryGetValue(path, out var route) ? route : (404, "not found");
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 {status} Fake\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray(), stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                // deliberate: a client that refuses our certificate hangs up mid-handshake; that is the point of those specs
            }
        }
    }
}

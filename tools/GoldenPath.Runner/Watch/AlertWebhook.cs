using System.Text;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.Runner.Watch;

/// <summary>
/// POSTs alert bodies to a webhook, once each: a failed POST is logged and dropped, so a webhook that is down costs the watch
/// one line per alert, never a retry storm. The URL is a secret (a Slack webhook's path is its key): only its host is printed.
/// </summary>
internal sealed class AlertWebhook : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient client = new() { Timeout = Timeout };
    private readonly Uri url;
    private readonly TextWriter log;

    public AlertWebhook(Uri url, TextWriter log)
    {
        this.url = url;
        this.log = log;
        SecretMasker.Register(url.ToString());
    }

    /// <summary>The webhook as it may be printed: scheme, host and port.</summary>
    public string Name => url.GetLeftPart(UriPartial.Authority);

    /// <returns>Whether the webhook took the alert (a 2xx answer).</returns>
    public async Task<bool> PostAsync(string json, CancellationToken cancel)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content, cancel).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            log.WriteLine($"watch: the alert webhook ({Name}) answered {(int)response.StatusCode} {response.ReasonPhrase}: the alert is dropped, the watch goes on");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            log.WriteLine($"watch: stopped before the alert webhook ({Name}) answered");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            var why = e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : SecretMasker.Apply(e.GetBaseException().Message);
            log.WriteLine($"watch: the alert webhook ({Name}) failed ({why}): the alert is dropped, the watch goes on");
        }

        return false;
    }

    public void Dispose() => client.Dispose();
}

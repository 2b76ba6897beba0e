using System.Text.Json;
using GoldenPath.Fixtures.Diagnostics;

namespace GoldenPath.E2ETests.Monitoring;

/// <summary>An instant query against a real Prometheus's HTTP API: the result vector, or a failure naming the query and Prometheus' error.</summary>
internal static class PrometheusQuery
{
    public static async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, string Value)>> VectorAsync(Uri prometheus, string query, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var answer = await http.GetAsync(new Uri(prometheus, "api/v1/query?query=" + Uri.EscapeDataString(query)), cancel);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancel));
        var root = body.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new GoldenPathException($"Prometheus refused the query {query}: {root.GetProperty("errorType").GetString()}: {root.GetProperty("error").GetString()}");
        }

        return root.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => ((IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString()!),
                          r.GetProperty("value")[1].GetString()!))
            .ToArray();
    }
}

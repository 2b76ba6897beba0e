using System.Net;
using GoldenPath.Fixtures.Assertions;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Traits;
using GoldenPath.IntegrationTests.Preflight;

namespace GoldenPath.IntegrationTests.Tls;

/// <summary>The reference backend behind TLS with a test authority: trusted through configuration (never by turning validation off), the golden path passes over wss://.</summary>
[Integration]
[ReferenceStack]
[Requirement("run.golden-path")]
public sealed class TlsGoldenPathTests(PlatformFixture platform) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("goldenpath-tls-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task The_golden_path_passes_over_wss_with_the_test_authority_trusted_by_configuration()
    {
        using var certificates = new TestCertificates("GoldenPath TLS spec CA");
        using var server = certificates.Server(["127.0.0.1", "localhost"]);
        var (certificate, key) = TestCertificates.WritePem(server, folder.FullName);
        var authority = Path.Combine(folder.FullName, "ca.crt");
        await File.WriteAllTextAsync(authority, certificates.Authority.ExportCertificatePem(), TestContext.Current.CancellationToken);
        TlsTrust.AddAuthorityFile(authority); // what tls.caCertificate in an environment file does

        var endpoints = await platform.StartAnotherAsync("a TLS backend", PlatformService.Backend, new Dictionary<string, string>
        {
            ["TLS_CERTIFICATE_PATH"] = certificate,
            ["TLS_KEY_PATH"] = key,
        });
        endpoints.WebSocket.Scheme.Should().Be("wss");

        var user = await platform.NewUserAsync("tls");
        await using var socket = await PlatformSocket.ConnectAsync(endpoints.WebSocket, user, "tls", platform.Environment.Budgets.Connect);
        var run = await AgentRun.SendAsync(socket, GoldenPathJourney.Question, platform.Environment.Budgets);

        socket.Recorder.Should().HaveGoldenPathRun(run.Expectations(socket, platform.Environment));
        var history = await new BackendClient(endpoints.Backend).MessagesAsync(user.AccessToken, run.ThreadId);
        history.Status.Should().Be(HttpStatusCode.OK, history.Describe());
        history.Request.Should().StartWith("GET https://");
    }
}

using System.Net.Sockets;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Preflight;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.IntegrationTests.Preflight;

/// <summary>
/// Each way a deployment breaks gets its own diagnosis: a reference service started with a fault
/// switch (GOLDENPATH_FAULTS), or a small fake server, plays the broken layer, and the preflight must
/// stop at that layer and say what is wrong. They need a local stack (fault switches, servers on
/// loopback); the healthy case, which any environment must pass, is <see cref="PreflightTests"/>.
/// </summary>
[Integration]
[ReferenceStack]
public sealed class PreflightDiagnosisTests(PlatformFixture platform)
{
    private static readonly BudgetSettings QuickBudgets = new() { ConnectSeconds = 2 };

    [Fact]
    public async Task A_host_that_does_not_resolve_is_a_dns_diagnosis()
    {
        var endpoints = new StackEndpoints(new Uri("https://auth.staging.invalid"), new Uri("https://api.staging.invalid"), new Uri("wss://api.staging.invalid/ws"));
        var probes = new PreflightProbes { Resolve = (_, _) => throw new SocketException((int)SocketError.HostNotFound) };

        var report = await PreflightAsync(endpoints, probes);

        ExpectFailure(report, "dns", "does not resolve (HostNotFound)");
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_a_tcp_refused_diagnosis()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        var report = await PreflightAsync(new StackEndpoints(closed, closed, StackEndpoints.WebSocketOf(closed)));

        ExpectFailure(report, "tcp", "connection refused: nothing listens on 127.0.0.1");
    }

    [Fact]
    public async Task A_connection_that_never_answers_is_a_tcp_timeout_diagnosis()
    {
        var probes = new PreflightProbes { ConnectTcp = (_, _, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken) }; // deliberate: a host that drops the packets

        var report = await PreflightAsync(platform.Stack.Endpoints, probes);

        ExpectFailure(report, "tcp", "connection timed out");
    }

    public static TheoryData<string, string> CertificateFaults => new()
    {
        { "untrusted", "certificate not trusted" },
        { "name mismatch", "certificate name mismatch: the certificate is for wrong.example" },
        { "expired", "certificate expired on" },
    };

    [Theory]
    [MemberData(nameof(CertificateFaults))]
    public async Task A_bad_server_certificate_is_a_tls_diagnosis(string fault, string expected)
    {
        using var certificates = new TestCertificates($"GoldenPath Test CA {fault}");
        if (fault != "untrusted")
        {
            TlsTrust.AddAuthority(certificates.Authority);
        }

        using var certificate = fault switch
        {
            "name mismatch" => certificates.Server(["wrong.example"]),
            "expired" => certificates.Server(["127.0.0.1"], DateTimeOffset.UtcNow.AddDays(-1)),
            _ => certificates.Server(["127.0.0.1"]),
        };
        await using var server = new FakeServer(Healthy, certificate);

        var report = await PreflightAsync(new StackEndpoints(server.Url("https"), server.Url("https"), server.Url("wss", "/ws")));

        ExpectFailure(report, "tls", expected);
    }

    [Theory]
    [InlineData(PlatformService.Auth, "auth health", "the auth service answered 503 unhealthy; failing dependency: redis: fault injected")]
    [InlineData(PlatformService.Backend, "backend health", "the backend service answered 503 unhealthy; failing dependency: redis: fault injected")]
    public async Task A_health_503_names_the_service_and_its_failing_dependency(PlatformService service, string check, string expected)
    {
        var endpoints = await WithFaultAsync(service, "health-503");

        ExpectFailure(await PreflightAsync(endpoints), check, expected);
    }

    [Fact]
    public async Task A_backend_that_is_not_ready_is_a_readiness_diagnosis()
    {
        var endpoints = await WithFaultAsync(PlatformService.Backend, "not-ready");

        ExpectFailure(await PreflightAsync(endpoints), "backend ready", "the backend is up but not ready (503)");
    }

    [Fact]
    public async Task A_404_on_the_websocket_route_is_an_upgrade_diagnosis()
    {
        var endpoints = await WithFaultAsync(PlatformService.Backend, "ws-404");

        ExpectFailure(await PreflightAsync(endpoints), "websocket upgrade", "the upgrade answered 404: no WebSocket route at /ws");
    }

    [Fact]
    public async Task A_403_on_the_upgrade_is_an_upgrade_diagnosis()
    {
        await using var server = new FakeServer(new Dictionary<string, (int, string)>(Healthy) { ["/ws"] = (403, "forbidden") });

        var report = await PreflightAsync(new StackEndpoints(server.Url("http"), server.Url("http"), server.Url("ws", "/ws")));

        ExpectFailure(report, "websocket upgrade", "the upgrade answered 403 Forbidden");
    }

    [Fact]
    public async Task An_upgrade_that_hangs_is_a_handshake_timeout_diagnosis()
    {
        var endpoints = await WithFaultAsync(PlatformService.Backend, "handshake-delay");

        ExpectFailure(await PreflightAsync(endpoints), "websocket upgrade", "handshake timed out");
    }

    [Fact]
    public async Task A_backend_with_another_jwt_key_is_an_authentication_diagnosis()
    {
        var endpoints = await WithFaultAsync(PlatformService.Backend, "jwt-mismatch");

        var report = await PreflightAsync(endpoints);

        ExpectFailure(report, "websocket auth", "authentication refused (1008 AUTH_FAILED");
        report.Diagnosis.Should().Contain("disagree on JWT_SECRET_KEY, JWT_ISSUER or JWT_AUDIENCE");
    }

    [Fact]
    public async Task A_websocket_closed_with_1011_is_a_not_ready_diagnosis()
    {
        var endpoints = await WithFaultAsync(PlatformService.Backend, "ws-1011");

        ExpectFailure(await PreflightAsync(endpoints), "websocket auth", "the backend closed the connection with 1011");
    }

    [Fact]
    public async Task When_the_environment_is_broken_every_spec_fails_with_the_diagnosis_first()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var report = await PreflightAsync(new StackEndpoints(closed, closed, StackEndpoints.WebSocketOf(closed)));

        var failure = new PlatformUnavailableException(new PreflightFailedException(report));

        failure.Message.Split(Environment.NewLine)[0].Should().StartWith("preflight: tcp (127.0.0.1:").And.Contain("connection refused");
        failure.Message.Should().Contain("check").And.Contain("not reached", "the table follows the diagnosis");
    }

    private static readonly Dictionary<string, (int, string)> Healthy = new()
    {
        ["/health"] = (200, """{"status":"healthy","checks":{"postgres":"ok","redis":"ok"}}"""),
        ["/health/ready"] = (200, """{"status":"ready"}"""),
    };

    private Task<PreflightReport> PreflightAsync(StackEndpoints endpoints, PreflightProbes? probes = null) =>
        new PlatformPreflight(endpoints, QuickBudgets, () => TestUser.RegisterAsync(platform.Auth, "preflight"), probes).RunAsync();

    private Task<StackEndpoints> WithFaultAsync(PlatformService service, string fault) =>
        platform.StartAnotherAsync($"a {service} with the fault '{fault}'", service, new Dictionary<string, string> { [SuiteVariables.Faults] = fault }, waitUntilHealthy: false);

    private static void ExpectFailure(PreflightReport report, string check, string expected)
    {
        report.Failure.Should().NotBeNull($"the preflight should stop at '{check}':{Environment.NewLine}{report.Table()}");
        report.Failure!.Check.Should().Be(check, report.Table());
        report.Diagnosis.Should().Contain(expected, report.Table());
        report.Checks.SkipWhile(c => c != report.Failure).Skip(1).Where(c => c.Outcome != CheckOutcome.NotReached).Should().BeEmpty("the preflight stops at the first broken layer");
    }
}

using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using GoldenPath.Fixtures.Stack.Containers;
using static GoldenPath.Fixtures.Stack.Containers.DockerProbeFinding;

namespace GoldenPath.UnitTests.Stack;

/// <summary>How a failed GET /version (as HttpClient reports it) and a /version answer become probe findings.</summary>
[Unit]
public sealed class DockerProbeFindingTests
{
    internal const string Engine27 = """{"Version":"27.3.1","ApiVersion":"1.47","MinAPIVersion":"1.24"}""";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_named_pipe_connect_that_times_out_is_no_engine()
    {
        // What NamedPipeClientStream.ConnectAsync throws while the pipe does not exist, wrapped as SocketsHttpHandler wraps it.
        var failure = new HttpRequestException("The operation has timed out.", new TimeoutException());

        DockerProbeFinding.Of(failure, Timeout).Should().Be(new NoEngine());
    }

    [Theory]
    [InlineData("socket")]
    [InlineData("pipe")]
    public void Access_denied_on_the_socket_or_the_pipe_is_permission_denied_for_this_user(string transport)
    {
        Exception denied = transport == "socket" ? new SocketException((int)SocketError.AccessDenied) : new UnauthorizedAccessException("Access to the path is denied.");

        DockerProbeFinding.Of(new HttpRequestException("denied", denied), Timeout).Should().Be(new PermissionDenied(System.Environment.UserName));
    }

    [Fact]
    public void The_request_timing_out_is_a_daemon_not_answering_within_the_timeout()
    {
        // HttpClient.Timeout surfaces as a TaskCanceledException whose inner exception is a TimeoutException.
        var failure = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException());

        DockerProbeFinding.Of(failure, Timeout).Should().Be(new NotAnswering("no answer within 5 s"));
    }

    [Fact]
    public void A_refused_connection_is_a_daemon_not_answering()
    {
        var failure = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        DockerProbeFinding.Of(failure, Timeout).Should().Be(new NotAnswering("connection refused"));
    }

    [Fact]
    public void A_failed_TLS_handshake_is_rejected_TLS_with_its_reason()
    {
        var failure = new HttpRequestException("The SSL connection could not be established", new AuthenticationException("The remote certificate is invalid"));

        DockerProbeFinding.Of(failure, Timeout).Should().Be(new TlsRejected("The remote certificate is invalid"));
    }

    [Fact]
    public void Unreadable_certificate_files_are_rejected_TLS_with_the_reason()
    {
        var failure = new CryptographicException("The key contents do not contain a PEM");

        DockerProbeFinding.Of(failure, Timeout).Should().Be(new TlsRejected("The key contents do not contain a PEM"));
    }

    [Fact]
    public void An_exception_that_is_not_about_reaching_the_engine_is_not_a_finding()
    {
        DockerProbeFinding.Of(new InvalidOperationException("a bug"), Timeout).Should().BeNull();
    }

    [Fact]
    public void A_version_answer_is_the_engine_and_its_API()
    {
        DockerProbeFinding.OfVersion(Engine27, requestedApi: null)
            .Should().Be(new Answered("27.3.1", "1.47"));
    }

    [Theory]
    [InlineData("1.48")]
    [InlineData("1.9")]
    public void A_DOCKER_API_VERSION_outside_the_engine_s_range_is_a_mismatch(string requested)
    {
        DockerProbeFinding.OfVersion(Engine27, requested)
            .Should().Be(new ApiMismatch(requested, "27.3.1", "1.24", "1.47"));
    }

    [Fact]
    public void A_DOCKER_API_VERSION_inside_the_engine_s_range_is_spoken()
    {
        DockerProbeFinding.OfVersion(Engine27, "1.41")
            .Should().Be(new Answered("27.3.1", "1.47"));
    }
}

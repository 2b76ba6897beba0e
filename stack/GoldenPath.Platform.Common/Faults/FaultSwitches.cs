using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Platform.Common.Faults;

/// <summary>
/// Faults a service can be started with (GOLDENPATH_FAULTS=ws-404,health-503,...), so the suite can
/// prove that its preflight diagnoses each way a deployment breaks. Empty in normal operation.
/// </summary>
public sealed record FaultSwitches(IReadOnlySet<string> Active, TimeSpan HandshakeDelay)
{
    public const string Variable = "GOLDENPATH_FAULTS";

    /// <summary>GET /health answers 503 naming a failing dependency.</summary>
    public const string Health503 = "health-503";

    /// <summary>The WebSocket routes answer 404, as behind a proxy that does not route them.</summary>
    public const string WebSocket404 = "ws-404";

    /// <summary>The WebSocket upgrade is held for GOLDENPATH_FAULT_DELAY_SECONDS (default 30) before it is answered.</summary>
    public const string HandshakeDelayFault = "handshake-delay";

    /// <summary>Tokens are signed/validated with a key other than JWT_SECRET_KEY, as when auth and backend disagree.</summary>
    public const string JwtMismatch = "jwt-mismatch";

    /// <summary>The backend never becomes ready: /health/ready answers 503 and WebSockets close with 1011.</summary>
    public const string NotReady = "not-ready";

    /// <summary>(backend) /health/ready says ready, but every WebSocket is closed with 1011: a readiness check that does not look deep enough.</summary>
    public const string WebSocket1011 = "ws-1011";

    public static readonly IReadOnlySet<string> Known = new HashSet<string> { Health503, WebSocket404, HandshakeDelayFault, JwtMismatch, NotReady, WebSocket1011 };

    public static FaultSwitches None { get; } = new(new HashSet<string>(), TimeSpan.Zero);

    public bool IsOn(string fault) => Active.Contains(fault);

    public static FaultSwitches Load(Func<string, string?> lookup)
    {
        var text = lookup(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var active = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = active.Where(f => !Known.Contains(f)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ConfigurationException(Variable, $"names unknown faults ({string.Join(", ", unknown)}); known: {string.Join(", ", Known.Order())}");
        }

        var delay = int.TryParse(lookup("GOLDENPATH_FAULT_DELAY_SECONDS"), out var seconds) && seconds > 0 ? seconds : 30;
        return new FaultSwitches(active, TimeSpan.FromSeconds(delay));
    }
}

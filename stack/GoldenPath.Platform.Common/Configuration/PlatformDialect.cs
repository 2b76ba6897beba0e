namespace GoldenPath.Platform.Common.Configuration;

/// <summary>
/// The wire format the backend speaks (GOLDENPATH_DIALECT, PROTOCOL §6). <c>protocol-1.2</c>, the default, is
/// PROTOCOL.md §2–§3 to the letter; <c>netra-apex</c> is the seed platform's own format (shared/dialects/netra-apex.md):
/// no message_ack, no event_id or tool_call_id, two event layouts, epoch-float envelopes, FastAPI-style HTTP bodies.
/// The same golden path and the same agent run under both. The auth service speaks PROTOCOL §1 under both.
/// </summary>
public sealed record PlatformDialect(string Name)
{
    public const string Variable = "GOLDENPATH_DIALECT";

    public static PlatformDialect Protocol12 { get; } = new("protocol-1.2");

    public static PlatformDialect NetraApex { get; } = new("netra-apex");

    /// <summary>
    /// The dialect of this process, set once at startup, for static helpers only. Services get the same instance by
    /// injection and choose their frame writer by it once (the backend's BackendServices), never per frame.
    /// </summary>
    public static PlatformDialect Current { get; private set; } = Protocol12;

    public bool IsNetraApex => Name == NetraApex.Name;

    public static void Activate(PlatformDialect dialect) => Current = dialect;

    public static PlatformDialect Load(Func<string, string?> lookup)
    {
        var text = lookup(Variable)?.Trim();
        return text switch
        {
            null or "" or "protocol-1.2" => Protocol12,
            "netra-apex" => NetraApex,
            _ => throw new ConfigurationException(Variable, "must be protocol-1.2 or netra-apex"),
        };
    }
}

using System.CommandLine;
using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Shards;

namespace GoldenPath.Runner.Shards;

/// <summary>What makes a run of <c>scale</c> or <c>slo</c> one shard of many (docs/distributed.md): its slice, the common start, its own source address.</summary>
internal sealed record ShardSettings(Shard Shard, DateTimeOffset? StartAt);

/// <summary>The options <c>scale</c> and <c>slo</c> share for running as one of N load generators.</summary>
internal sealed class ShardOptions
{
    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "run slice I of N of the users (scale) or journeys (slo) and write what run-tests merge adds up (default 1/1: the whole run)",
        HelpName = "I/N",
    };

    public Option<string?> StartAt { get; } = new("--start-at")
    {
        Description = "the common start of all shards, a UTC time (2026-12-07T06:30:00Z): users are made first, the load starts then",
        HelpName = "TIME",
    };

    public Option<string?> SourceAddress { get; } = new("--source-address")
    {
        Description = "connect the WebSockets from this local address (127.0.0.2: a shard on one machine with a port range of its own)",
        HelpName = "IP",
    };

    public ShardOptions()
    {
        Shard.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && Fixtures.Shards.Shard.Parse(text, out var error) is null)
            {
                r.AddError(error!);
            }
        });
        StartAt.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ShardStart.Parse(text, out var error) is null)
            {
                r.AddError(error!);
            }
        });
        SourceAddress.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && (Fixtures.Clients.SourceAddress.Parse(text, out var error) is null || error is not null))
            {
                r.AddError(error ?? $"--source-address takes an IP address; got '{text}'");
            }
        });
    }

    public IEnumerable<Option> All => [Shard, StartAt, SourceAddress];

    /// <summary>The shard settings; a source address is installed for every WebSocket this process opens (SourceAddress.Use).</summary>
    public ShardSettings Read(ParseResult parse)
    {
        if (parse.GetValue(SourceAddress) is { } address)
        {
            Fixtures.Clients.SourceAddress.Use(address.Trim());
        }

        var shard = parse.GetValue(Shard) is { } text ? Fixtures.Shards.Shard.Parse(text, out _)! : Fixtures.Shards.Shard.Whole;
        var startAt = parse.GetValue(StartAt) is { } at ? ShardStart.Parse(at, out _) : null;
        return new ShardSettings(shard, startAt);
    }
}

using System.CommandLine;
using System.Globalization;
using GoldenPath.Fixtures.Slo;

namespace GoldenPath.Runner.Slo;

/// <summary>The options of <c>slo</c>: how many journeys, how many at a time, for how long.</summary>
internal sealed class SloOptions
{
    public Option<int?> Journeys { get; } = new("--journeys") { Description = "journeys in all (default 50; with --duration, a cap)", HelpName = "N" };

    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "journeys at a time", HelpName = "C", DefaultValueFactory = _ => 10 };

    public Option<string?> Duration { get; } = new("--duration") { Description = "keep starting journeys for this long: 90, 90s, 5m, 1h", HelpName = "D" };

    public Option<string?> FromHistory { get; } = new("--from-history") { Description = "walk no journey: render a watch history file (JSON lines) as slo.html, availability over time", HelpName = "FILE" };

    public SloOptions()
    {
        Journeys.Validators.Add(r => Positive(r, r.GetValueOrDefault<int?>(), "--journeys"));
        Concurrency.Validators.Add(r => Positive(r, r.GetValueOrDefault<int>(), "--concurrency"));
        Duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ParseDuration(text) is null)
            {
                r.AddError($"--duration takes seconds or a number with s, m or h (90, 90s, 5m, 1h); got '{text}'");
            }
        });
    }

    public IEnumerable<Option> All => [Journeys, Concurrency, Duration, FromHistory];

    public SloPlan Read(ParseResult parse, Shards.ShardSettings sharding)
    {
        var duration = parse.GetValue(Duration) is { } text ? ParseDuration(text) : null;
        return new SloPlan(parse.GetValue(Journeys) ?? (duration is null ? 50 : null), parse.GetValue(Concurrency), duration) { Shard = sharding.Shard, StartAt = sharding.StartAt };
    }

    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }

    private static void Positive(System.CommandLine.Parsing.OptionResult result, int? value, string name)
    {
        if (value is < 1)
        {
            result.AddError($"{name} takes a number, 1 or more");
        }
    }
}

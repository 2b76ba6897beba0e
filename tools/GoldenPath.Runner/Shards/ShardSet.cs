using GoldenPath.Fixtures.Shards;
using GoldenPath.Runner.Cli;

namespace GoldenPath.Runner.Shards;

/// <summary>Whether the shards given to <c>merge</c> are one whole run: all of 1/N to N/N, each once, of one N.</summary>
internal static class ShardSet
{
    public static void CheckWhole(IEnumerable<string?> names, IReadOnlyList<string> folders)
    {
        var shards = names.Select((name, i) => Shard.Parse(name ?? string.Empty, out _)
            ?? throw new UsageException($"merge: {folders[i]} does not say which shard it is ('{name}'); it was not written with --shard I/N")).ToArray();
        var counts = shards.Select(s => s.Count).Distinct().ToArray();
        if (counts.Length != 1)
        {
            throw new UsageException($"merge: the folders are shards of runs split differently ({string.Join(", ", shards)}); give the shards of one run");
        }

        var twice = shards.GroupBy(s => s.Index).Where(g => g.Count() > 1).Select(g => $"{g.Key}/{counts[0]}").ToArray();
        var missing = Enumerable.Range(1, counts[0]).Where(i => shards.All(s => s.Index != i)).Select(i => $"{i}/{counts[0]}").ToArray();
        if (twice.Length > 0 || missing.Length > 0)
        {
            throw new UsageException("merge: the folders are not one whole run: " +
                string.Join("; ", new[] { twice.Length > 0 ? $"shard {string.Join(", ", twice)} given twice" : null, missing.Length > 0 ? $"shard {string.Join(", ", missing)} missing" : null }.OfType<string>()) +
                " (a missing shard's users would go unchecked, and a leak to them unseen)");
        }
    }
}

using System.Text.RegularExpressions;
using Npgsql;

namespace GoldenPath.Platform.Common.Storage;

/// <summary>
/// The connection pool's size, unless the connection string sets one: 8 per core. Npgsql's default of 100 lets a burst open
/// 100 PostgreSQL backends, which on a small machine fight for its cores: measured with 1,000 users at once on 2 cores,
/// p95 completion 1,971 ms with 100 connections and 298 ms with 16 (docs/scale.md).
/// </summary>
public static partial class PostgresPool
{
    public const int ConnectionsPerCore = 8;

    public static string Sized(string connectionString) =>
        MaxPoolSizeSet().IsMatch(connectionString)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = ConnectionsPerCore * Environment.ProcessorCount }.ConnectionString;

    [GeneratedRegex(@"(^|;)\s*max(imum)?\s*pool\s*size\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPoolSizeSet();
}

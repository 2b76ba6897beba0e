using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.UnitTests.ReferenceStack;

[Unit]
public sealed class PostgresPoolTests
{
    [Fact]
    public void The_pool_is_sized_to_the_machine_unless_the_connection_string_sizes_it()
    {
        var sized = new NpgsqlConnectionStringBuilder(PostgresPool.Sized("Host=127.0.0.1;Port=5432;Username=postgres"));
        sized.MaxPoolSize.Should().Be(8 * Environment.ProcessorCount, "8 connections per core (docs/scale.md: the pool of 100 fought the services for 2 cores)");
        sized.Host.Should().Be("127.0.0.1");

        PostgresPool.Sized("Host=db;Maximum Pool Size=50").Should().Be("Host=db;Maximum Pool Size=50");
        PostgresPool.Sized("Host=db; max pool size = 7").Should().Be("Host=db; max pool size = 7");
    }
}

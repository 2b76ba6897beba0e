using GoldenPath.Fixtures.Scale;
using GoldenPath.Fixtures.Shards;

namespace GoldenPath.UnitTests.Shards;

[Unit]
public sealed class ShardTests
{
    [Theory]
    [InlineData(10, 4)]
    [InlineData(10_000, 4)]
    [InlineData(7, 3)]
    [InlineData(3, 5)]
    public void The_slices_of_N_shards_are_the_whole_run_each_item_once(int total, int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count)).ToArray();

        shards.SelectMany(s => s.Slice(total)).Order().Should().Equal(Enumerable.Range(0, total));
        shards.Should().OnlyContain(s => s.Slice(total).Count() == s.SizeOf(total));
        shards.Should().OnlyContain(s => s.Slice(total).Select((item, local) => s.Global(local) == item).All(same => same));
    }

    [Fact]
    public void Shard_1_of_1_is_the_whole_run()
    {
        Shard.Whole.Slice(5).Should().Equal(0, 1, 2, 3, 4);
        Shard.Whole.IsWhole.Should().BeTrue();
        Shard.Whole.ToString().Should().Be("1/1");
    }

    [Fact]
    public void Interleaved_slices_spread_each_shard_over_the_whole_ramp_up()
    {
        var plan = new ScalePlan(Users: 10_000, RunsPerUser: 2, Tabs: 2, TabbedShare: 0.1, RampUp: TimeSpan.FromSeconds(50));
        var shard = new Shard(3, 4);

        plan.StartOf(shard.Slice(plan.Users).First()).Should().BeLessThan(TimeSpan.FromSeconds(1));
        plan.StartOf(shard.Slice(plan.Users).Last()).Should().BeGreaterThan(TimeSpan.FromSeconds(49));
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    public void Parses_I_of_N(string text, int index, int count)
    {
        Shard.Parse(text, out var error).Should().Be(new Shard(index, count));
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    public void Refuses_what_is_not_I_of_N_saying_what_it_takes(string text)
    {
        Shard.Parse(text, out var error).Should().BeNull();
        error.Should().Contain("--shard takes I/N").And.Contain($"'{text}'");
    }

    [Theory]
    [InlineData("2026-12-07T06:30:00Z", true)]
    [InlineData("2026-12-07T07:30:00+01:00", true)]
    [InlineData("2026-12-07T06:30:00", false)]
    [InlineData("tomorrow", false)]
    public void The_common_start_is_a_time_with_its_zone(string text, bool valid)
    {
        var at = ShardStart.Parse(text, out var error);

        if (valid)
        {
            at.Should().Be(new DateTimeOffset(2026, 12, 7, 6, 30, 0, TimeSpan.Zero));
        }
        else
        {
            at.Should().BeNull();
            error.Should().Contain("--start-at takes a UTC time");
        }
    }
}

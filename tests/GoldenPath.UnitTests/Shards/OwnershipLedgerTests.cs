using System.Text.Json;
using GoldenPath.Fixtures.Isolation;
using GoldenPath.Fixtures.Shards;

namespace GoldenPath.UnitTests.Shards;

[Unit]
public sealed class OwnershipLedgerTests
{
    private static readonly string MarkerA = "gpmark" + new string('a', 14);
    private static readonly string MarkerB = "gpmark" + new string('b', 14);

    [Fact]
    public void A_shard_notes_ids_and_markers_it_does_not_own_and_not_its_own()
    {
        var index = new OwnershipIndex();
        index.ClaimUser("u1");
        index.ClaimMarker(MarkerA, "u1");
        index.Claim(OwnershipIndex.IdKind.Run, "r1", "u1");
        var frame = JsonElement.Parse("""{"type":"agent_thinking","user_id":"u9","run_id":"r1","payload":{"text":"remember B and A","count":42}}""".Replace(" B ", $" {MarkerB} ", StringComparison.Ordinal).Replace(" A\"", $" {MarkerA}\"", StringComparison.Ordinal));

        index.UnclaimedIn(frame).Should().BeEquivalentTo(new[] { new Unclaimed("user_id", "u9"), new Unclaimed(Unclaimed.MarkerField, MarkerB) });
    }

    [Fact]
    public void Joined_ledgers_name_both_users_and_both_shards_of_a_leak_across_them()
    {
        var shard1 = new OwnershipLedger(OwnershipLedger.SchemaName, "1/2", [new LedgerUser("scale0", "u0", MarkerA, ["r0"], ["t0"])],
            [new Sighting("user_id", "u-stranger", "scale0", "u0", "WebSocket [scale0.tab1] frame #4 (agent_started)")]);
        var shard2 = new OwnershipLedger(OwnershipLedger.SchemaName, "2/2", [new LedgerUser("scale1", "u1", MarkerB, ["r1"], ["t1"])],
            [
                new Sighting("run_id", "r0", "scale1", "u1", "WebSocket [scale1.tab1] frame #9 (tool_completed)"),
                new Sighting(Unclaimed.MarkerField, MarkerA.ToUpperInvariant(), "scale1", "u1", "WebSocket [scale1.tab1] frame #9 (tool_completed)"),
            ]);

        var leaks = OwnershipLedger.CrossShardLeaks([shard1, shard2]);

        leaks.Select(l => l.ToString()).Should().Equal(
            "scale0 (user u0, shard 1/2)'s data reached scale1 (user u1, shard 2/2) via WebSocket [scale1.tab1] frame #9 (tool_completed): run_id 'r0'",
            $"scale0 (user u0, shard 1/2)'s data reached scale1 (user u1, shard 2/2) via WebSocket [scale1.tab1] frame #9 (tool_completed): marker '{MarkerA.ToUpperInvariant()}'");
    }

    [Fact]
    public void Without_a_leak_the_ledgers_join_to_nothing()
    {
        var shard1 = new OwnershipLedger(OwnershipLedger.SchemaName, "1/2", [new LedgerUser("scale0", "u0", MarkerA, ["r0"], ["t0"])], []);
        var shard2 = new OwnershipLedger(OwnershipLedger.SchemaName, "2/2", [new LedgerUser("scale1", "u1", MarkerB, ["r1"], ["t1"])], []);

        OwnershipLedger.CrossShardLeaks([shard1, shard2]).Should().BeEmpty();
    }
}

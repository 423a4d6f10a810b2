package io.basalt.shard.simulator;

import java.math.BigInteger;

/**
 * Total supply on the shards: the balances of every account on every shard plus the value in flight
 * in outboxes equals the genesis allocations minus the base fees burned. Shards issue nothing,
 * priority fees stay on the shard (with the proposer's fee recipient), and a cross-shard transfer
 * only moves value from a balance into an outbox and from there into a balance.
 */
final class SupplyCheck {

  private SupplyCheck() {}

  /**
   * Accounted supply minus expected supply, as {@code node} sees the shards: zero when conserved.
   */
  static BigInteger discrepancy(ShardSimulation sim, ShardNode node) {
    ShardAudit audit = new ShardAudit(node, sim.shardCount());
    BigInteger genesis =
        TransactionWorkload.GENESIS_BALANCE.multiply(
            BigInteger.valueOf((long) sim.workload().accounts().size() * sim.shardCount()));
    BigInteger accounted = audit.balances(sim.workload().accounts()).add(audit.inFlight());
    return accounted.subtract(genesis.subtract(audit.burned()));
  }
}

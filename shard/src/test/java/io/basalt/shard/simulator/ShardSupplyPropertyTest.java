package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Over random seeds (network delays, transaction mix, senders, values), twenty epochs of a two-node
 * simulation of four shards conserve supply on every node at every epoch boundary: balances plus
 * value in flight equal the genesis allocations minus the burned base fees, with cross-shard
 * receipts applied once and in order and nonces sequential; and the chain finalizes meanwhile.
 */
class ShardSupplyPropertyTest {

  private static final int EPOCHS = 20;

  @Property(tries = 3, seed = "42")
  void supplyIsConservedAndReceiptsAreExactlyOnce(@ForAll @LongRange(min = 1) long seed) {
    ShardSimulation sim =
        ShardSimulation.builder().nodes(2).seed(seed).accounts(4).workload(3, 0.6).build();
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
      sim.runEpochs(1);
      for (ShardNode node : sim.nodes()) {
        ShardAudit audit = new ShardAudit(node, sim.shardCount());
        assertThat(SupplyCheck.discrepancy(sim, node)).as("supply at epoch %d", epoch).isZero();
        assertThat(audit.receiptViolations()).isEmpty();
        assertThat(audit.nonceViolations()).isEmpty();
      }
    }
    for (ShardNode node : sim.nodes()) {
      assertThat(new ShardAudit(node, sim.shardCount()).receiptsApplied()).isPositive();
    }
    assertThat(sim.beacon().node(0).finalizedCheckpoint().epoch().value().longValue())
        .isGreaterThanOrEqualTo(EPOCHS - 3);
  }
}

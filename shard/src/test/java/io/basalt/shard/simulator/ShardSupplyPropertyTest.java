package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Over random seeds (network delays, transaction mix, senders, values), two epochs of a two-node
 * shard simulation conserve supply on every node: balances plus value in flight equal the genesis
 * allocations minus the burned base fees, with cross-shard receipts applied once and in order.
 */
class ShardSupplyPropertyTest {

  @Property(tries = 3, seed = "42")
  void supplyIsConservedAndReceiptsAreExactlyOnce(@ForAll @LongRange(min = 1) long seed) {
    ShardSimulation sim =
        ShardSimulation.builder().nodes(2).seed(seed).accounts(4).workload(3, 0.6).build();
    sim.runEpochs(2);
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      assertThat(SupplyCheck.discrepancy(sim, node)).isZero();
      assertThat(audit.receiptViolations()).isEmpty();
      assertThat(audit.nonceViolations()).isEmpty();
      assertThat(audit.receiptsApplied()).isPositive();
    }
  }
}

package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four nodes, 64 validators, four shards, four epochs of transfers and cross-shard transfers on
 * every shard, all online: the shards advance and are crosslinked, receipts are applied once and in
 * order, nonces run in sequence, and every node sees the same shard heads.
 */
class ShardSimulationTest {

  private static final long EPOCHS = 4;
  private static ShardSimulation sim;

  @BeforeAll
  static void run() {
    sim = ShardSimulation.builder().nodes(4).seed(7).workload(4, 0.5).build();
    sim.runEpochs(EPOCHS);
    ShardAudit audit = new ShardAudit(sim.node(0), sim.shardCount());
    System.out.printf(
        "Shard simulation: %d slots, %d beacon blocks, %d shard blocks, %d transactions"
            + " (%d submitted, %d cross-shard), %d receipts applied, %d distinct crosslinks%n",
        sim.beacon().currentSlot(),
        sim.beacon().blocksProposed(),
        sim.shardBlocksProduced(),
        audit.transactionsIncluded(),
        sim.workload().transfersSubmitted() + sim.workload().crossShardTransfersSubmitted(),
        sim.workload().crossShardTransfersSubmitted(),
        audit.receiptsApplied(),
        distinctCrosslinks().size());
  }

  private static Set<Bytes32> distinctCrosslinks() {
    Set<Bytes32> roots = new HashSet<>();
    sim.crosslinksByBeaconBlock()
        .values()
        .forEach(l -> l.forEach(c -> roots.add(c.shardBlockRoot())));
    roots.remove(Bytes32.ZERO);
    return roots;
  }

  @Test
  void everyShardAdvancesAndIsCrosslinked() {
    BeaconState head = sim.node(0).beaconNode().headState();
    long lastSlot = sim.beacon().currentSlot();
    ShardAudit audit = new ShardAudit(sim.node(0), sim.shardCount());
    for (int shard = 0; shard < sim.shardCount(); shard++) {
      // A shard block every slot but the genesis one, and a recent crosslink.
      assertThat(audit.chain(shard)).hasSizeGreaterThan((int) (lastSlot * 3 / 4));
      Crosslink crosslink = head.latestCrosslinks().get(shard);
      assertThat(crosslink.slot().value().longValue()).isGreaterThan(lastSlot - 4);
      assertThat(sim.node(0).chain(ShardId.of(shard)).block(crosslink.shardBlockRoot()))
          .isPresent();
    }
    assertThat(distinctCrosslinks()).hasSizeGreaterThan(sim.shardCount() * (int) lastSlot / 2);
    assertThat(sim.shardProductionFailures()).isZero();
    assertThat(sim.beacon().productionFailures()).isZero();
  }

  @Test
  void crossShardReceiptsAreAppliedOnceAndInOrder() {
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      assertThat(audit.receiptViolations()).isEmpty();
      assertThat(audit.receiptsApplied())
          .isGreaterThan(sim.workload().crossShardTransfersSubmitted() / 2);
    }
  }

  @Test
  void noncesAreSequentialPerSenderAndShard() {
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      assertThat(audit.nonceViolations()).isEmpty();
      long submitted =
          sim.workload().transfersSubmitted() + sim.workload().crossShardTransfersSubmitted();
      assertThat(audit.transactionsIncluded()).isGreaterThan(submitted * 3 / 4);
    }
  }

  @Test
  void allNodesAgreeOnEveryShardHead() {
    for (int shard = 0; shard < sim.shardCount(); shard++) {
      ShardId id = ShardId.of(shard);
      List<Bytes32> stateRoots =
          sim.nodes().stream()
              .map(n -> n.chain(id).stateAfter(n.currentHead(id)).orElseThrow().accountsRoot())
              .distinct()
              .toList();
      assertThat(stateRoots).as("shard %d", shard).hasSize(1);
    }
  }

  @Test
  void supplyIsConservedUpToBurnedFees() {
    for (ShardNode node : sim.nodes()) {
      assertThat(SupplyCheck.discrepancy(sim, node)).isZero();
    }
  }
}

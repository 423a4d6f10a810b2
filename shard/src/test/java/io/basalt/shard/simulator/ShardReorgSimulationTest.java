package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.common.types.ShardId;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partition splits the four nodes into two halves of 32 validators for about an epoch, so the
 * beacon chain forks and each branch crosslinks the shard blocks its half builds; after the heal
 * fork choice picks one branch. On the nodes that followed the other one, the shard blocks anchored
 * on the losing branch (and their descendants) are dropped, crosslinks with them, and the receipts
 * they had applied are applied again, once, on the winning branch.
 */
class ShardReorgSimulationTest {

  private static final long PARTITION_SLOT = 10;
  private static final long HEAL_SLOT = 18;
  private static final long LAST_SLOT = 39;
  private static ShardSimulation sim;

  @BeforeAll
  static void run() {
    sim = ShardSimulation.builder().nodes(4).seed(11).workload(4, 0.5).build();
    sim.beacon().at(PARTITION_SLOT, () -> sim.beacon().network().partition(List.of(Set.of(0, 1))));
    sim.beacon().at(HEAL_SLOT, () -> sim.beacon().network().heal());
    sim.runUntilSlot(LAST_SLOT);
    long dropped = sim.nodes().stream().mapToLong(n -> n.dropped().size()).sum();
    System.out.printf(
        "Shard reorg simulation: %d slots, %d beacon blocks, %d shard blocks, %d dropped by"
            + " reorgs, %d receipts applied on node 0%n",
        sim.beacon().currentSlot(),
        sim.beacon().blocksProposed(),
        sim.shardBlocksProduced(),
        dropped,
        new ShardAudit(sim.node(0), sim.shardCount()).receiptsApplied());
  }

  @Test
  void theBeaconChainForkedAndReconverged() {
    List<Bytes32> heads = sim.nodes().stream().map(n -> n.beaconNode().head()).distinct().toList();
    assertThat(heads).hasSize(1);
    assertThat(sim.crosslinksByBeaconBlock().keySet().stream().filter(r -> !canonical(r)))
        .as("beacon blocks of the losing branch")
        .isNotEmpty();
  }

  @Test
  void shardBlocksAnchoredOnTheLosingBranchAreDroppedWithDescendants() {
    List<SignedShardBlock> dropped = allDropped();
    assertThat(dropped).isNotEmpty();
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      for (SignedShardBlock block : node.dropped()) {
        ShardId shard = block.message().header().shard();
        assertThat(node.chain(shard).block(block.root())).isEmpty();
        assertThat(audit.chain(shard.id())).doesNotContain(block);
      }
      for (int shard = 0; shard < sim.shardCount(); shard++) {
        for (SignedShardBlock block : audit.chain(shard)) {
          assertThat(node.isCanonical(block.message().header().beaconBlockRoot())).isTrue();
        }
      }
    }
  }

  @Test
  void aCrosslinkWasDroppedWithItsBranch() {
    Set<Bytes32> droppedRoots = new HashSet<>();
    allDropped().forEach(b -> droppedRoots.add(b.root()));
    boolean crosslinkDropped =
        sim.crosslinksByBeaconBlock().entrySet().stream()
            .filter(e -> !canonical(e.getKey()))
            .flatMap(e -> e.getValue().stream())
            .anyMatch(c -> droppedRoots.contains(c.shardBlockRoot()));
    assertThat(crosslinkDropped).isTrue();
  }

  /**
   * A receipt a dropped block had applied is, on the winning branch, applied exactly once if its
   * source's canonical outbox still holds it and the destination has reached its index, and never
   * if its own source block was dropped too (the transfer did not happen on the winning branch).
   */
  @Test
  void receiptsOfDroppedBlocksAreAppliedOnceOnTheWinningBranch() {
    List<CrossShardReceipt> reapplied = new ArrayList<>();
    allDropped()
        .forEach(
            b ->
                b.message().body().incomingReceipts().stream()
                    .map(IncomingReceipt::receipt)
                    .forEach(reapplied::add));
    assertThat(reapplied).isNotEmpty();
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      assertThat(audit.receiptViolations()).isEmpty();
      long appliedAgain = 0;
      for (CrossShardReceipt receipt : reapplied) {
        int destination = receipt.destination().id();
        long index = receipt.index().longValue();
        var sent = audit.head(receipt.source().id()).outbox().toShards().get(destination);
        boolean stillSent = index < sent.size() && sent.get(index).equals(receipt);
        boolean reached = index < audit.head(destination).inboxCursor(receipt.source()).longValue();
        long times =
            audit.chain(destination).stream()
                .flatMap(b -> b.message().body().incomingReceipts().stream())
                .filter(r -> r.receipt().equals(receipt))
                .count();
        assertThat(times).as("receipt %s", receipt).isEqualTo(stillSent && reached ? 1 : 0);
        appliedAgain += times;
      }
      assertThat(appliedAgain).isPositive();
    }
  }

  @Test
  void afterTheHealTheShardsAgreeAdvanceAndConserveSupply() {
    for (int shard = 0; shard < sim.shardCount(); shard++) {
      ShardId id = ShardId.of(shard);
      assertThat(
              sim.nodes().stream()
                  .map(n -> n.chain(id).stateAfter(n.currentHead(id)).orElseThrow().accountsRoot())
                  .distinct())
          .hasSize(1);
      assertThat(
              sim.node(0)
                  .beaconNode()
                  .headState()
                  .latestCrosslinks()
                  .get(shard)
                  .slot()
                  .value()
                  .longValue())
          .isGreaterThan(HEAL_SLOT);
    }
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      assertThat(audit.nonceViolations()).isEmpty();
      assertThat(SupplyCheck.discrepancy(sim, node)).isZero();
    }
    assertThat(sim.shardProductionFailures()).isZero();
  }

  private static boolean canonical(Bytes32 beaconRoot) {
    return sim.node(0).isCanonical(beaconRoot);
  }

  private static List<SignedShardBlock> allDropped() {
    return sim.nodes().stream().flatMap(n -> n.dropped().stream()).toList();
  }
}

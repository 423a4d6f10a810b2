package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Duties that run after a later slot's block became the head (a loaded node's timer fires late): an
 * attestation still gets its vote, on the head's ancestor at the duty's slot, as the head's state
 * cannot be rewound; a block proposal is refused with a reason, not an error.
 */
@ExtendWith(LiveNodeExtension.class)
class LateDutiesTest {

  private static NodeChain.Status headPastSlot3(NodeChain<?> chain) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (chain.status().headSlot().value().longValue() < 3) {
      assertThat(System.nanoTime()).as("head past slot 3 in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    return chain.status();
  }

  @Test
  void aLateProposalIsRefusedWithAReason(LiveNode live) throws Exception {
    NodeChain<?> chain = live.node.chain();
    Slot late = headPastSlot3(chain).headSlot().minus(1);

    assertThatThrownBy(
            () -> chain.produceBlock(late, ValidatorIndex.of(0), Bytes.EMPTY, Bytes32.ZERO))
        .isInstanceOf(BlockProductionException.class)
        .hasMessageContaining("past slot " + late);
  }

  @Test
  void aLateDutyVotesForTheHeadsAncestorAtItsSlot(LiveNode live) throws Exception {
    NodeChain<?> chain = live.node.chain();
    NodeChain.Status status = headPastSlot3(chain);
    Slot late = status.headSlot().minus(1);

    AttestationData data = chain.attestationData(late, ShardId.of(0));

    Bytes32 ancestor =
        chain
            .executor()
            .call(() -> chain.beacon().forkChoice().ancestorAtSlot(status.headRoot(), late))
            .orElseThrow();
    assertThat(data.slot()).isEqualTo(late);
    assertThat(data.beaconBlockRoot()).isEqualTo(ancestor);
    BlockSummary voted =
        chain.executor().call(() -> chain.beacon().store().summary(ancestor)).orElseThrow();
    assertThat(voted.slot().isAfter(late)).isFalse();
  }
}

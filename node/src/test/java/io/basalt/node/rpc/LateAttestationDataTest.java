package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.AttestationData;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An attestation duty that runs after a later slot's block became the head (a loaded node's timer
 * fires late) still gets its vote: on the head's ancestor at the duty's slot, as its state cannot
 * be rewound.
 */
@ExtendWith(LiveNodeExtension.class)
class LateAttestationDataTest {

  @Test
  void aLateDutyVotesForTheHeadsAncestorAtItsSlot(LiveNode live) throws Exception {
    NodeChain<?> chain = live.node.chain();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (chain.status().headSlot().value().longValue() < 3) {
      assertThat(System.nanoTime()).as("head past slot 3 in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    NodeChain.Status status = chain.status();
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

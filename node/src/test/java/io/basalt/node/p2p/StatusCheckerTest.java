package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static io.basalt.node.p2p.P2PFixtures.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Bytes4;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StatusCheckerTest {

  // local preset: 8 slots per epoch; blocks at slots 1..40.
  private final List<SignedBeaconBlock> chain = P2PFixtures.chain(40, P2PFixtures.GOOD_SIGNATURE);
  private final StatusChecker checker =
      new StatusChecker(DIGEST, new FakeChain().withBlocks(chain), CODECS);
  private final Bytes32 epoch2Root = CODECS.beaconBlockRoot(chain.get(15)); // slot 16
  private final StatusMessage ours =
      new StatusMessage(
          DIGEST, CODECS.beaconBlockRoot(chain.get(31)), Epoch.of(4), Bytes32.ZERO, Slot.of(40));

  private static StatusMessage peer(Bytes4 digest, Bytes32 finalizedRoot, long epoch) {
    return new StatusMessage(digest, finalizedRoot, Epoch.of(epoch), Bytes32.ZERO, Slot.of(50));
  }

  @Test
  void shouldAcceptAPeerThatAgreesOnOurFinalizedHistory() {
    assertThat(checker.incompatibility(ours, peer(DIGEST, epoch2Root, 2))).isEmpty();
    assertThat(checker.incompatibility(ours, peer(DIGEST, ours.finalizedRoot(), 4))).isEmpty();
    // Finality past ours cannot be checked yet.
    assertThat(checker.incompatibility(ours, peer(DIGEST, Bytes32.random(), 6))).isEmpty();
  }

  @Test
  void shouldRefuseAnotherForkDigest() {
    assertThat(
            checker.incompatibility(ours, peer(Bytes4.fromHexString("0x01020304"), epoch2Root, 2)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("fork digest"));
  }

  @Test
  void shouldRefuseADifferentFinalizedCheckpointAtAnEpochWeFinalized() {
    assertThat(checker.incompatibility(ours, peer(DIGEST, Bytes32.random(), 4)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("epoch 4"));
    assertThat(checker.incompatibility(ours, peer(DIGEST, Bytes32.random(), 2)))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("where we finalized " + epoch2Root));
  }
}

package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Bytes4;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decides whether a peer's status is compatible with our chain: same fork digest, and, at any epoch
 * we have finalized, the same finalized checkpoint. A peer on another fork or another finalized
 * history can never serve us useful blocks.
 */
final class StatusChecker {

  private final Bytes4 forkDigest;
  private final ChainDataProvider chain;
  private final SszCodecs codecs;

  StatusChecker(Bytes4 forkDigest, ChainDataProvider chain, SszCodecs codecs) {
    this.forkDigest = forkDigest;
    this.chain = chain;
    this.codecs = codecs;
  }

  /** Why we cannot talk to a peer with status {@code theirs}; empty when we can. */
  Optional<String> incompatibility(StatusMessage ours, StatusMessage theirs) {
    if (!theirs.forkDigest().equals(forkDigest)) {
      return Optional.of("fork digest " + theirs.forkDigest() + ", ours " + forkDigest);
    }
    Epoch epoch = theirs.finalizedEpoch();
    if (epoch.equals(Epoch.ZERO) || epoch.isAfter(ours.finalizedEpoch())) {
      // Genesis is implied by the digest; a later finality of theirs we check when we sync to it.
      return Optional.empty();
    }
    Optional<Bytes32> ourRoot =
        epoch.equals(ours.finalizedEpoch())
            ? Optional.of(ours.finalizedRoot())
            : checkpointRoot(epoch);
    if (ourRoot.isPresent() && !ourRoot.get().equals(theirs.finalizedRoot())) {
      return Optional.of(
          "finalized "
              + theirs.finalizedRoot()
              + " at epoch "
              + epoch
              + " where we finalized "
              + ourRoot.get());
    }
    return Optional.empty();
  }

  /**
   * The root of our canonical checkpoint block of {@code epoch}: the last block at or before the
   * epoch's first slot, looked up within one request's reach.
   */
  private Optional<Bytes32> checkpointRoot(Epoch epoch) {
    long slotsPerEpoch = codecs.config().slotsPerEpoch();
    long epochStart = epoch.value().longValue() * slotsPerEpoch;
    long from = Math.max(0, epochStart - ChainProtocols.MAX_REQUEST_BLOCKS + 1);
    List<SignedBeaconBlock> blocks =
        chain.beaconBlocksByRange(Slot.of(from), (int) (epochStart - from + 1));
    SignedBeaconBlock last = null;
    for (SignedBeaconBlock block : blocks) {
      if (!block.message().slot().isAfter(Slot.of(epochStart))) {
        last = block;
      }
    }
    return Optional.ofNullable(last).map(codecs::beaconBlockRoot);
  }
}

package io.basalt.shard.transition;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What shard rules read of the beacon chain: a beacon block's post-state, and the block tree's
 * ancestry. The node answers from its chain store and fork choice; tests from a simulated chain.
 */
public interface BeaconView {

  /**
   * The post-state of the beacon block {@code root} advanced through empty slots to {@code slot}
   * (the state a beacon block at {@code slot} on top of {@code root} would start from), if the
   * block is known and not after {@code slot}.
   */
  Optional<BeaconState> stateAt(Bytes32 root, Slot slot);

  /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
  boolean isAncestorOrSelf(Bytes32 ancestor, Bytes32 descendant);
}

package io.basalt.beacon.chain.store;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.consensus.types.Checkpoint;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Everything one block import writes, committed by {@link ChainStore#commitImport} in one
 * transaction.
 *
 * @param postState the block's post-state; persisted only when the block is the first of its epoch
 * @param justified the store's justified checkpoint after the import (root never zero)
 * @param finalized the store's finalized checkpoint after the import (root never zero)
 * @param finalizedState the post-state of the finalized checkpoint's block, required when {@code
 *     finalized} is newer than the stored one (it becomes the restart anchor)
 */
public record ImportWrite(
    SignedBeaconBlock block,
    Bytes32 root,
    BeaconState postState,
    Bytes32 headRoot,
    Checkpoint justified,
    Checkpoint finalized,
    Optional<BeaconState> finalizedState) {

  public ImportWrite {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(postState, "postState");
    Objects.requireNonNull(headRoot, "headRoot");
    Objects.requireNonNull(justified, "justified");
    Objects.requireNonNull(finalized, "finalized");
    Objects.requireNonNull(finalizedState, "finalizedState");
  }
}

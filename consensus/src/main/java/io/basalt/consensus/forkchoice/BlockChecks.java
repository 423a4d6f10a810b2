package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Slot;
import io.basalt.consensus.forkchoice.BlockRejection.Reason;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** The fork-choice checks of spec {@code on_block}, each failing with its typed reason. */
final class BlockChecks {

  private BlockChecks() {}

  /**
   * Checks a new block against the tree and the store: known parent, slot neither in the future nor
   * at or before its parent's or the finalized epoch's start slot, and a chain holding the
   * finalized checkpoint block ({@code get_checkpoint_block(parent, finalized.epoch)}).
   */
  static Optional<BlockRejection> check(
      ProtoArray protoArray,
      int slotsPerEpoch,
      Slot current,
      Checkpoint storeFinalized,
      Slot slot,
      Bytes32 parentRoot) {
    Optional<ProtoNode> parent = protoArray.node(parentRoot);
    if (parent.isEmpty()) {
      return reject(Reason.UNKNOWN_PARENT, "parent " + parentRoot + " is not in fork choice");
    }
    if (slot.isAfter(current)) {
      return reject(Reason.FUTURE_SLOT, "slot " + slot + " is after current slot " + current);
    }
    if (!slot.isAfter(parent.get().slot())) {
      return reject(
          Reason.SLOT_NOT_AFTER_PARENT,
          "slot " + slot + " is not after parent slot " + parent.get().slot());
    }
    Slot finalizedSlot = new Slot(storeFinalized.epoch().value().times(slotsPerEpoch));
    if (!slot.isAfter(finalizedSlot)) {
      return reject(
          Reason.NOT_AFTER_FINALIZED_SLOT,
          "slot " + slot + " is not after finalized slot " + finalizedSlot);
    }
    Optional<Bytes32> checkpointBlock = protoArray.ancestorAtSlot(parentRoot, finalizedSlot);
    if (!checkpointBlock.equals(Optional.of(storeFinalized.root()))) {
      return reject(
          Reason.NOT_DESCENDANT_OF_FINALIZED,
          "chain of parent " + parentRoot + " does not hold finalized " + storeFinalized);
    }
    return Optional.empty();
  }

  private static Optional<BlockRejection> reject(Reason reason, String detail) {
    return Optional.of(new BlockRejection(reason, detail));
  }
}

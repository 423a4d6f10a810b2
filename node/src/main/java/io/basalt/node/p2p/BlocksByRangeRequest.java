package io.basalt.node.p2p;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;

/**
 * {@code BeaconBlocksByRangeRequest{start_slot: Slot, count: uint64, step: uint64}} (phase0); step
 * must be 1.
 */
record BlocksByRangeRequest(Slot startSlot, UInt64 count, UInt64 step) {

  static final ContainerSchema<BlocksByRangeRequest> SSZ =
      ContainerSchema.ofRecord(
          BlocksByRangeRequest.class,
          field("startSlot", SszTypes.SLOT, BlocksByRangeRequest::startSlot),
          field("count", SszTypes.UINT64, BlocksByRangeRequest::count),
          field("step", SszTypes.UINT64, BlocksByRangeRequest::step));

  static final int SIZE = 24;

  static BlocksByRangeRequest of(Slot startSlot, int count) {
    return new BlocksByRangeRequest(startSlot, UInt64.valueOf(count), UInt64.ONE);
  }
}

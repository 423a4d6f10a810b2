package io.basalt.node.p2p;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.ConsensusSsz;

/** {@code ShardBlocksByRangeRequest{shard: Shard, start_slot: Slot, count: uint64}}. */
record ShardBlocksByRangeRequest(ShardId shard, Slot startSlot, UInt64 count) {

  static final ContainerSchema<ShardBlocksByRangeRequest> SSZ =
      ContainerSchema.ofRecord(
          ShardBlocksByRangeRequest.class,
          field("shard", ConsensusSsz.SHARD, ShardBlocksByRangeRequest::shard),
          field("startSlot", SszTypes.SLOT, ShardBlocksByRangeRequest::startSlot),
          field("count", SszTypes.UINT64, ShardBlocksByRangeRequest::count));

  static final int SIZE = 24;
}

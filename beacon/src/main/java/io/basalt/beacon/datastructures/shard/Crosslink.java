package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A shard block the beacon chain has confirmed: at least 2/3 of the shard committee's stake voted
 * for its header. What other shards need from it is copied here so they can prove receipts against
 * {@code receiptsRoot} without the header.
 *
 * @param shardBlockRoot the root of the crosslinked {@link ShardBlockHeader}
 */
public record Crosslink(
    ShardId shard, Slot slot, Bytes32 shardBlockRoot, Bytes32 stateRoot, Bytes32 receiptsRoot) {

  public static final ContainerSchema<Crosslink> SSZ =
      ContainerSchema.ofRecord(
          Crosslink.class,
          field("shard", ConsensusSsz.SHARD, Crosslink::shard),
          field("slot", SszTypes.SLOT, Crosslink::slot),
          field("shardBlockRoot", SszTypes.BYTES32, Crosslink::shardBlockRoot),
          field("stateRoot", SszTypes.BYTES32, Crosslink::stateRoot),
          field("receiptsRoot", SszTypes.BYTES32, Crosslink::receiptsRoot));

  public Crosslink {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(shardBlockRoot, "shardBlockRoot");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
  }

  /** The crosslink of a shard before its first block: slot zero, zero roots. */
  public static Crosslink genesis(ShardId shard) {
    return new Crosslink(shard, Slot.ZERO, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What an attester votes for with one signature: the beacon head ({@code beaconBlockRoot}), the FFG
 * link {@code source -> target}, and the head of its shard ({@code shardHeadRoot}, the root of a
 * {@code ShardBlockHeader}, or zero when the shard has no block to vote for). The committee is the
 * one of {@code shard} at {@code slot}.
 */
public record AttestationData(
    Slot slot,
    ShardId shard,
    Bytes32 beaconBlockRoot,
    Checkpoint source,
    Checkpoint target,
    Bytes32 shardHeadRoot) {

  public static final ContainerSchema<AttestationData> SSZ =
      ContainerSchema.ofRecord(
          AttestationData.class,
          field("slot", SszTypes.SLOT, AttestationData::slot),
          field("shard", ConsensusSsz.SHARD, AttestationData::shard),
          field("beaconBlockRoot", SszTypes.BYTES32, AttestationData::beaconBlockRoot),
          field("source", Checkpoint.SSZ, AttestationData::source),
          field("target", Checkpoint.SSZ, AttestationData::target),
          field("shardHeadRoot", SszTypes.BYTES32, AttestationData::shardHeadRoot));

  public AttestationData {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(beaconBlockRoot, "beaconBlockRoot");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(shardHeadRoot, "shardHeadRoot");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

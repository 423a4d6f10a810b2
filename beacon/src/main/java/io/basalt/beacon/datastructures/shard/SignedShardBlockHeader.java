package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A shard block header signed by its shard proposer ({@code DOMAIN_SHARD_PROPOSER}). */
public record SignedShardBlockHeader(ShardBlockHeader message, Bytes signature) {

  public static final ContainerSchema<SignedShardBlockHeader> SSZ =
      ContainerSchema.ofRecord(
          SignedShardBlockHeader.class,
          field("message", ShardBlockHeader.SSZ, SignedShardBlockHeader::message),
          field("signature", ConsensusSsz.BLS_SIGNATURE, SignedShardBlockHeader::signature));

  public SignedShardBlockHeader {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

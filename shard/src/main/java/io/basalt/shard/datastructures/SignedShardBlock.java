package io.basalt.shard.datastructures;

import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A shard block with its proposer's BLS signature over the header ({@code DOMAIN_SHARD_PROPOSER}):
 * the same signature the beacon chain checks on the {@link SignedShardBlockHeader}.
 */
public record SignedShardBlock(ShardBlock message, Bytes signature) {

  public SignedShardBlock {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }

  public SignedShardBlockHeader signedHeader() {
    return new SignedShardBlockHeader(message.header(), signature);
  }

  public Bytes32 root() {
    return message.root();
  }
}

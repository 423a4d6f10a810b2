package io.basalt.node.validator.slashing;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** A signed shard block in an interchange file (Basalt's extension to EIP-3076). */
public record InterchangeShardBlock(ShardId shard, UInt64 slot, Optional<Bytes32> signingRoot) {

  public InterchangeShardBlock {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(signingRoot, "signingRoot");
  }
}

package io.basalt.shard.datastructures;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A shard block: the header the beacon chain crosslinks and the body it commits to through {@code
 * transactionsRoot} and {@code incomingReceiptsRoot} (see {@link ShardSchemas}). The block's
 * identity is its header's root.
 */
public record ShardBlock(ShardBlockHeader header, ShardBlockBody body) {

  public ShardBlock {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }

  public Bytes32 root() {
    return header.hashTreeRoot();
  }
}

package io.basalt.shard.simulator;

import io.basalt.common.types.ShardId;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** The shard layer's messages between simulated nodes, carried as simulator extension payloads. */
final class ShardMessages {

  private ShardMessages() {}

  /** A shard block on its shard's block topic, or the answer to a {@link BlockRequest}. */
  record BlockGossip(SignedShardBlock block) {
    BlockGossip {
      Objects.requireNonNull(block, "block");
    }
  }

  /** Asks a peer for the shard block {@code root} of {@code shard} (a missing parent). */
  record BlockRequest(ShardId shard, Bytes32 root) {
    BlockRequest {
      Objects.requireNonNull(shard, "shard");
      Objects.requireNonNull(root, "root");
    }
  }
}

package io.basalt.node.chain;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.shard.datastructures.SignedShardBlock;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What happens on the chain, for listeners outside it (JSON-RPC subscriptions, filters). Called on
 * the chain thread: a listener must return quickly and must not block or call back into the chain
 * synchronously.
 */
public interface ChainEvents {

  /** The beacon fork choice head moved to {@code root}. */
  default void onBeaconHead(Bytes32 root, Slot slot) {}

  /** The finalized checkpoint advanced. */
  default void onFinalizedCheckpoint(Checkpoint finalized) {}

  /** A shard block was imported (own or from a peer), canonical or not. */
  default void onShardBlockImported(ShardId shard, SignedShardBlock block) {}

  /** A shard's canonical head moved to {@code root}. */
  default void onShardHead(ShardId shard, Bytes32 root) {}
}

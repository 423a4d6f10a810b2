package io.basalt.shard.chain;

import io.basalt.shard.transition.InvalidShardBlockReason;
import io.basalt.shard.transition.ShardBlockResult;

/** What {@link ShardChain#importBlock} did with a block. */
public sealed interface ShardImport {

  record Imported(ShardBlockResult result) implements ShardImport {}

  record AlreadyKnown() implements ShardImport {}

  /** The parent is not imported (yet): the caller may fetch it and retry. */
  record UnknownParent() implements ShardImport {}

  record Invalid(InvalidShardBlockReason reason, String detail) implements ShardImport {}
}

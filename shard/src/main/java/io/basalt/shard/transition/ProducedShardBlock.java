package io.basalt.shard.transition;

import io.basalt.shard.datastructures.ShardBlock;
import java.util.Objects;

/** An unsigned shard block built by {@link ShardBlockProducer}, and the state after it. */
public record ProducedShardBlock(ShardBlock block, ShardBlockResult result) {

  public ProducedShardBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(result, "result");
  }
}

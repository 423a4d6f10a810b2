package io.basalt.shard.transition;

import io.basalt.shard.state.ShardState;
import java.util.Objects;

/** A valid shard block's outcome: the state after it and what running its body produced. */
public record ShardBlockResult(ShardState state, ProcessedBody body) {

  public ShardBlockResult {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(body, "body");
  }
}

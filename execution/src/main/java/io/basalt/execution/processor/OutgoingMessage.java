package io.basalt.execution.processor;

import io.basalt.execution.state.Wei;

/**
 * Value a transaction sent out of this shard: it was debited here and credited nowhere on this
 * shard. The shard module turns each one into a cross-shard receipt (or a beacon deposit).
 */
public sealed interface OutgoingMessage permits CrossShardTransfer, StakingDeposit {

  /** The wei that left this shard's supply. */
  Wei value();
}

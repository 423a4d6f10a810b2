package io.basalt.node.shard;

import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.state.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frees, in every shard's outbox, the receipts its destinations' finalized states have taken in: no
 * block will include or prove them again, and an outbox that kept them all would grow with the
 * chain's age.
 */
final class DeliveredReceipts {

  private DeliveredReceipts() {}

  /** Prunes each of {@code chains} (indexed by shard) to its destinations' finalized cursors. */
  static void prune(List<ShardChain> chains) {
    List<ShardState> finalizedStates = new ArrayList<>(chains.size());
    for (ShardChain chain : chains) {
      Optional<ShardState> finalizedState = chain.stateAfter(chain.finalizedRoot());
      if (finalizedState.isEmpty()) {
        return;
      }
      finalizedStates.add(finalizedState.get());
    }
    for (ShardChain source : chains) {
      List<Long> delivered = new ArrayList<>(chains.size());
      for (ShardState destination : finalizedStates) {
        delivered.add(destination.inboxCursor(source.shard()).longValue());
      }
      source.pruneOutboxes(delivered);
    }
  }
}

package io.basalt.node.chain;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans chain events out to listeners that come and go (a WebSocket subscription per client). A
 * listener that throws is logged and does not stop the others.
 */
public final class ChainEventBus implements ChainEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChainEventBus.class);

  private final List<ChainEvents> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; closing the result removes it. */
  public AutoCloseable subscribe(ChainEvents listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void onBeaconHead(Bytes32 root, Slot slot) {
    each(l -> l.onBeaconHead(root, slot));
  }

  @Override
  public void onFinalizedCheckpoint(Checkpoint finalized) {
    each(l -> l.onFinalizedCheckpoint(finalized));
  }

  @Override
  public void onShardBlockImported(ShardId shard, SignedShardBlock block) {
    each(l -> l.onShardBlockImported(shard, block));
  }

  @Override
  public void onShardHead(ShardId shard, Bytes32 root) {
    each(l -> l.onShardHead(shard, root));
  }

  private void each(java.util.function.Consumer<ChainEvents> call) {
    for (ChainEvents listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("Chain event listener failed", e);
      }
    }
  }
}

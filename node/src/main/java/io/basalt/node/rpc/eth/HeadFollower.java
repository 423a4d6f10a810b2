package io.basalt.node.rpc.eth;

import io.basalt.common.types.ShardId;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.subscription.Subscription;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a shard's canonical head for a subscription: on every head change (a chain event) it
 * hands each canonical block after the last one it saw to {@code onBlock}, on {@code executor}
 * (never on the chain thread, which the block reads would wait for).
 */
final class HeadFollower implements Subscription, ChainEvents {

  private static final Logger LOG = LoggerFactory.getLogger(HeadFollower.class);

  private final ShardRpcData data;
  private final ShardId shard;
  private final Executor executor;
  private final Consumer<RpcBlock> onBlock;
  private final AutoCloseable registration;
  private long last;
  private volatile boolean closed;

  HeadFollower(ShardRpcData data, ShardId shard, Executor executor, Consumer<RpcBlock> onBlock) {
    this.data = data;
    this.shard = shard;
    this.executor = executor;
    this.onBlock = onBlock;
    this.last = data.blockNumber(shard);
    this.registration = data.subscribe(this);
  }

  @Override
  public void onShardHead(ShardId shard, Bytes32 root) {
    if (shard.equals(this.shard) && !closed) {
      executor.execute(this::catchUp);
    }
  }

  private synchronized void catchUp() {
    try {
      long head = data.blockNumber(shard);
      long from = Math.max(last + 1, head - RpcLimits.MAX_LOG_BLOCK_RANGE + 1);
      for (long n = from; n <= head && !closed; n++) {
        data.block(shard, new BlockParameter.Number(n)).ifPresent(onBlock);
      }
      last = Math.max(last, head);
    } catch (RpcException | RuntimeException e) {
      LOG.debug("Subscription could not follow shard {}", shard, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      registration.close();
    } catch (Exception e) {
      LOG.debug("Cannot remove chain listener", e);
    }
  }
}

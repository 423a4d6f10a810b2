package io.basalt.node.shard;

import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.MempoolConfig;
import io.basalt.shard.mempool.ShardMempool;
import io.basalt.shard.mempool.ShardStatePoolContext;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardProtocol;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's mempool kept on the shard head: moved to each new head, with the transactions of the
 * blocks a head leaves behind (another branch won, or a beacon reorg dropped them) put back, so
 * their senders' later nonces do not wait behind gaps. Chain thread only.
 */
final class ShardPool {

  private static final Logger LOG = LoggerFactory.getLogger(ShardPool.class);

  private final ShardChain chain;
  private final ShardStatePoolContext context;
  private final ShardMempool mempool;
  private Bytes32 head;

  ShardPool(ShardProtocol protocol, ShardChain chain, ShardState headState) {
    this.chain = chain;
    this.context =
        new ShardStatePoolContext(
            protocol.config().chainId(chain.shard()).longValue(),
            protocol.config().shardGasLimit(),
            chain.nodeStore(),
            headState);
    this.mempool = new ShardMempool(MempoolConfig.DEFAULT, context);
  }

  ShardMempool mempool() {
    return mempool;
  }

  /**
   * Brings the pool up to the shard head {@code headRoot} (whose state is {@code headState}); when
   * the head left a branch, the transactions of the blocks left behind go back to the pool.
   */
  void moveTo(Bytes32 headRoot, ShardState headState) {
    context.setHead(headState);
    mempool.onNewHead();
    Bytes32 previous = head;
    head = headRoot;
    if (previous != null && !previous.equals(headRoot)) {
      putBack(chain.abandonedBy(previous, headRoot), "The shard head moved off");
    }
  }

  /** Puts the transactions of {@code blocks} (oldest first) back in the pool. */
  void putBack(List<SignedShardBlock> blocks, String why) {
    if (blocks.isEmpty()) {
      return;
    }
    int readded =
        mempool.readd(
            blocks.stream()
                .flatMap(block -> block.message().body().transactions().stream())
                .toList());
    LOG.info(
        "{} {} shard {} block(s); {} of their transactions back in the pool",
        why,
        blocks.size(),
        chain.shard(),
        readded);
  }

  /**
   * Recovers a block's senders, taking those of transactions in the pool from there: the pool
   * recovered them on admission, from the same signed bytes (the hash covers the signature).
   */
  SenderRecoverer senders() {
    return transactions ->
        transactions.stream()
            .map(
                tx ->
                    mempool
                        .get(tx.hash())
                        .<SenderResult>map(pooled -> new SenderResult.Recovered(pooled.sender()))
                        .orElseGet(() -> SenderRecovery.recover(tx)))
            .toList();
  }
}

package io.basalt.node.p2p;

import io.basalt.common.types.ShardId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Gathers the transactions a node sends out into one batch per shard, so that under load each
 * {@code shard_tx_<i>} message, with its framing, encryption, message id and validation, carries
 * many transactions instead of one. A batch goes out when it holds {@link
 * SszCodecs#MAX_GOSSIP_TRANSACTIONS} transactions or {@link #BATCH_BYTES} bytes, and otherwise
 * {@link #WINDOW} after its first transaction. Thread-safe.
 */
final class TransactionBatcher {

  /** The longest a transaction waits for others to join its batch. */
  static final Duration WINDOW = Duration.ofMillis(50);

  /** The size at which a batch goes out at once (a single larger transaction goes alone). */
  static final int BATCH_BYTES = 64 << 10;

  /** Runs a task after a delay. */
  @FunctionalInterface
  interface Timer {
    void schedule(Duration delay, Runnable task);
  }

  private final BiConsumer<ShardId, List<Bytes>> publisher;
  private final Timer timer;
  private final Map<ShardId, Batch> open = new HashMap<>();

  /**
   * @param publisher sends one batch (1 to {@link SszCodecs#MAX_GOSSIP_TRANSACTIONS} transactions)
   * @param timer runs the window's end
   */
  TransactionBatcher(BiConsumer<ShardId, List<Bytes>> publisher, Timer timer) {
    this.publisher = publisher;
    this.timer = timer;
  }

  /** Adds a transaction to its shard's batch, sending the batch if that fills it. */
  void add(ShardId shard, Bytes rawTransaction) {
    Batch batch;
    boolean opened;
    boolean full;
    synchronized (this) {
      opened = !open.containsKey(shard);
      batch = open.computeIfAbsent(shard, s -> new Batch());
      batch.add(rawTransaction);
      full = batch.isFull();
      if (full) {
        open.remove(shard);
      }
    }
    if (full) {
      publisher.accept(shard, batch.transactions);
    } else if (opened) {
      timer.schedule(WINDOW, () -> windowEnded(shard, batch));
    }
  }

  private void windowEnded(ShardId shard, Batch batch) {
    synchronized (this) {
      if (!open.remove(shard, batch)) {
        return; // it filled up and went out already
      }
    }
    publisher.accept(shard, batch.transactions);
  }

  private static final class Batch {
    private final List<Bytes> transactions = new ArrayList<>();
    private long bytes;

    void add(Bytes raw) {
      transactions.add(raw);
      bytes += raw.size();
    }

    boolean isFull() {
      return transactions.size() >= SszCodecs.MAX_GOSSIP_TRANSACTIONS || bytes >= BATCH_BYTES;
    }
  }
}

package io.basalt.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.ShardId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class TransactionBatcherTest {

  private final List<Map.Entry<ShardId, List<Bytes>>> sent = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private final TransactionBatcher batcher =
      new TransactionBatcher(
          (shard, txs) -> sent.add(Map.entry(shard, List.copyOf(txs))),
          (delay, task) -> {
            delays.add(delay);
            timers.add(task);
          });

  private static Bytes tx(int i) {
    return Bytes.ofUnsignedInt(i);
  }

  @Test
  void aBatchGoesOutWhenItsWindowEndsWithEveryTransactionInOrder() {
    batcher.add(ShardId.of(1), tx(1));
    batcher.add(ShardId.of(1), tx(2));
    batcher.add(ShardId.of(1), tx(3));
    assertThat(sent).isEmpty();
    assertThat(delays).containsExactly(TransactionBatcher.WINDOW); // one window per batch

    timers.get(0).run();

    assertThat(sent).containsExactly(Map.entry(ShardId.of(1), List.of(tx(1), tx(2), tx(3))));
  }

  @Test
  void eachShardHasItsOwnBatch() {
    batcher.add(ShardId.of(0), tx(1));
    batcher.add(ShardId.of(3), tx(2));
    batcher.add(ShardId.of(0), tx(3));
    timers.forEach(Runnable::run);

    assertThat(sent)
        .containsExactly(
            Map.entry(ShardId.of(0), List.of(tx(1), tx(3))),
            Map.entry(ShardId.of(3), List.of(tx(2))));
  }

  @Test
  void aFullBatchGoesOutAtOnceAndItsWindowThenSendsNothing() {
    int max = SszCodecs.MAX_GOSSIP_TRANSACTIONS;
    for (int i = 0; i < max + 1; i++) {
      batcher.add(ShardId.of(2), tx(i));
    }
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getValue()).hasSize(max).startsWith(tx(0)).endsWith(tx(max - 1));

    timers.get(0).run(); // the full batch's window: already sent

    assertThat(sent).hasSize(1);
    timers.get(1).run(); // the next batch's window

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getValue()).containsExactly(tx(max));
  }

  @Test
  void aBatchGoesOutAtOnceWhenItReachesTheByteLimit() {
    Bytes half = Bytes.wrap(new byte[TransactionBatcher.BATCH_BYTES / 2]);
    batcher.add(ShardId.of(0), half);
    assertThat(sent).isEmpty();
    batcher.add(ShardId.of(0), half);
    assertThat(sent).containsExactly(Map.entry(ShardId.of(0), List.of(half, half)));

    Bytes large = Bytes.wrap(new byte[TransactionBatcher.BATCH_BYTES + 1]);
    batcher.add(ShardId.of(0), large);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getValue()).containsExactly(large);
    assertThat(timers).hasSize(1); // a batch sent on arrival never waits
  }
}

package io.basalt.testnet.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the load generator did: transactions sent, accepted by a node, rejected by reason. */
public final class LoadCounters {

  private final LongAdder sent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder crossShard = new LongAdder();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

  void onSent(boolean isCrossShard) {
    sent.increment();
    if (isCrossShard) {
      crossShard.increment();
    }
  }

  void onAccepted() {
    accepted.increment();
  }

  void onRejected(String reason) {
    rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  public long sent() {
    return sent.sum();
  }

  public long accepted() {
    return accepted.sum();
  }

  /** How many of the sent transactions were cross-shard transfers. */
  public long crossShardSent() {
    return crossShard.sum();
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Rejections by reason (the node's error message, or the transport failure). */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> copy = new TreeMap<>();
    rejected.forEach((reason, count) -> copy.put(reason, count.sum()));
    return copy;
  }

  /** One line for the status view. */
  public String summary() {
    StringBuilder text =
        new StringBuilder("load: sent ")
            .append(sent())
            .append(" (")
            .append(crossShardSent())
            .append(" cross-shard), accepted ")
            .append(accepted())
            .append(", rejected ")
            .append(rejectedTotal());
    Map<String, Long> reasons = rejectedByReason();
    if (!reasons.isEmpty()) {
      text.append(' ').append(reasons);
    }
    return text.toString();
  }
}

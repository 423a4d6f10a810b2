package io.basalt.beacon.chain.gossip;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Blocks whose parent is not known yet, waiting for it, and the parent requests in flight. When a
 * block is imported its waiting children are released ({@link #childrenOf}). A request for a root
 * is repeated only after {@code retryMillis}, so a lost request or response is retried by the next
 * child that arrives, without flooding peers meanwhile. Bounded: at most {@code capacity} blocks
 * wait; past that the oldest parent's children are dropped (sync will meet them again).
 */
public final class UnknownParentQueue<P> {

  /** A waiting block and the peer it came from (who can serve its ancestors). */
  public record Waiting<P>(P from, SignedBeaconBlock block) {}

  private final int capacity;
  private final long retryMillis;
  private final LinkedHashMap<Bytes32, List<Waiting<P>>> byParent = new LinkedHashMap<>();
  private final Map<Bytes32, Long> requestedAt = new HashMap<>();
  private int size;

  public UnknownParentQueue(int capacity, long retryMillis) {
    this.capacity = capacity;
    this.retryMillis = retryMillis;
  }

  public void add(P from, SignedBeaconBlock block) {
    List<Waiting<P>> siblings =
        byParent.computeIfAbsent(block.message().parentRoot(), r -> new ArrayList<>());
    for (Waiting<P> waiting : siblings) {
      if (waiting.block().equals(block)) {
        return;
      }
    }
    siblings.add(new Waiting<>(from, block));
    size++;
    while (size > capacity) {
      Iterator<List<Waiting<P>>> oldest = byParent.values().iterator();
      size -= oldest.next().size();
      oldest.remove();
    }
  }

  /** Whether to request {@code root} now; records the request when so. */
  public boolean shouldRequest(Bytes32 root, long nowMillis) {
    Long last = requestedAt.get(root);
    if (last != null && nowMillis - last < retryMillis) {
      return false;
    }
    requestedAt.put(root, nowMillis);
    return true;
  }

  /** Removes and returns the blocks waiting for {@code root}. */
  public List<Waiting<P>> childrenOf(Bytes32 root) {
    requestedAt.remove(root);
    List<Waiting<P>> children = byParent.remove(root);
    if (children == null) {
      return List.of();
    }
    size -= children.size();
    return children;
  }

  /** Drops blocks at or before {@code finalizedSlot}: they can never be imported. */
  public void prune(Slot finalizedSlot) {
    Iterator<List<Waiting<P>>> it = byParent.values().iterator();
    while (it.hasNext()) {
      List<Waiting<P>> children = it.next();
      int before = children.size();
      children.removeIf(w -> !w.block().message().slot().isAfter(finalizedSlot));
      size -= before - children.size();
      if (children.isEmpty()) {
        it.remove();
      }
    }
    if (requestedAt.size() > 4 * capacity) {
      requestedAt.clear();
    }
  }

  public int size() {
    return size;
  }
}

package io.basalt.node.rpc.eth.data;

import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Block numbers of one shard: a block's number is its height (genesis 0, child = parent + 1), and
 * the canonical chain is indexed by number from the head back. Heights are computed by walking
 * parents and remembered; the index is brought up to a new head by walking back only to where it
 * agrees (a reorg's depth). Thread-safe.
 */
final class CanonicalIndex {

  /** The root of the shard genesis, which is not a block: the beacon genesis crosslink's. */
  static final Bytes32 GENESIS = Bytes32.ZERO;

  private final ShardChain chain;
  private final Map<Bytes32, Long> heights = new HashMap<>();
  private final List<Bytes32> canonical = new ArrayList<>(List.of(GENESIS));
  private Bytes32 indexedHead = GENESIS;

  CanonicalIndex(ShardChain chain) {
    this.chain = chain;
    heights.put(GENESIS, 0L);
  }

  /** The height of block {@code root}; empty if it is not stored (or an ancestor is missing). */
  synchronized Optional<Long> height(Bytes32 root) {
    Long known = heights.get(root);
    if (known != null) {
      return Optional.of(known);
    }
    List<Bytes32> path = new ArrayList<>();
    Bytes32 r = root;
    while (!heights.containsKey(r)) {
      Optional<SignedShardBlock> block = chain.block(r);
      if (block.isEmpty()) {
        return Optional.empty();
      }
      path.add(r);
      r = block.get().message().header().parentRoot();
    }
    long height = heights.get(r);
    for (int i = path.size() - 1; i >= 0; i--) {
      heights.put(path.get(i), ++height);
    }
    return Optional.of(height);
  }

  /** The canonical block at {@code number} on the chain ending at {@code head}. */
  synchronized Optional<Bytes32> rootAt(Bytes32 head, long number) {
    if (!moveTo(head) || number >= canonical.size()) {
      return Optional.empty();
    }
    return Optional.of(canonical.get((int) number));
  }

  /** Whether {@code root} is on the canonical chain ending at {@code head}. */
  synchronized boolean isCanonical(Bytes32 head, Bytes32 root) {
    Optional<Long> height = height(root);
    return height.isPresent() && rootAt(head, height.get()).map(root::equals).orElse(false);
  }

  private boolean moveTo(Bytes32 head) {
    if (head.equals(indexedHead)) {
      return true;
    }
    Optional<Long> headHeight = height(head);
    if (headHeight.isEmpty() || headHeight.get() > Integer.MAX_VALUE - 1) {
      return false;
    }
    int n = headHeight.get().intValue();
    List<Bytes32> newer = new ArrayList<>();
    Bytes32 r = head;
    while (n >= canonical.size() || !canonical.get(n).equals(r)) {
      newer.add(r);
      r = chain.block(r).orElseThrow().message().header().parentRoot();
      n--;
    }
    canonical.subList(n + 1, canonical.size()).clear();
    for (int i = newer.size() - 1; i >= 0; i--) {
      canonical.add(newer.get(i));
    }
    indexedHead = head;
    return true;
  }
}

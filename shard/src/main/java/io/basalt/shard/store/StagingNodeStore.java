package io.basalt.shard.store;

import io.basalt.execution.trie.NodeStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A node store that holds the trie nodes written while one block is validated instead of writing
 * them through, so that they can be committed in the same storage transaction as the block (and are
 * dropped with it when the block is invalid or the write fails). Reads see the staged nodes first,
 * then the base store. Safe for concurrent use.
 */
public final class StagingNodeStore implements NodeStore {

  private final NodeStore base;
  private final Map<Bytes32, Bytes> staged = new HashMap<>();

  public StagingNodeStore(NodeStore base) {
    this.base = base;
  }

  @Override
  public Optional<Bytes> get(Bytes32 hash) {
    synchronized (staged) {
      Bytes node = staged.get(hash);
      if (node != null) {
        return Optional.of(node);
      }
    }
    return base.get(hash);
  }

  @Override
  public void putAll(Map<Bytes32, Bytes> nodes) {
    synchronized (staged) {
      staged.putAll(nodes);
    }
  }

  /** A copy of the nodes written so far. */
  public Map<Bytes32, Bytes> staged() {
    synchronized (staged) {
      return Map.copyOf(staged);
    }
  }
}

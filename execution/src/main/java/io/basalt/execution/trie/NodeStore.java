package io.basalt.execution.trie;

import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where trie nodes live between commits: Keccak-256 of a node's RLP to that RLP. Content addressed,
 * so a stored node never changes and many roots (blocks, shards) share nodes. Implementations must
 * be safe for concurrent reads.
 */
public interface NodeStore {

  /** The RLP of the node with this hash, if stored. */
  Optional<Bytes> get(Bytes32 hash);

  /** Stores every node atomically: afterwards all are readable, or (on failure) none. */
  void putAll(Map<Bytes32, Bytes> nodes);
}

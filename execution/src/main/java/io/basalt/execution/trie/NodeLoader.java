package io.basalt.execution.trie;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Turns {@link HashNode} references into decoded nodes read from a {@link NodeStore}. */
final class NodeLoader {

  private final NodeStore store;

  NodeLoader(NodeStore store) {
    this.store = store;
  }

  /** {@code node} itself, or the stored node it refers to if it is a hash reference. */
  Node resolve(Node node) {
    if (node instanceof HashNode ref) {
      return load(ref.hash());
    }
    return node;
  }

  /**
   * @throws TrieException if the node is missing or does not decode
   */
  Node load(Bytes32 hash) {
    Optional<Bytes> encoded = store.get(hash);
    if (encoded.isEmpty()) {
      throw new TrieException("Trie node " + hash + " is not in the node store");
    }
    return NodeDecoder.decode(encoded.get(), hash);
  }
}

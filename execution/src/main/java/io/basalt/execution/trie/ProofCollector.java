package io.basalt.execution.trie;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** Walks the path of a key and records the RLP of every hashed node on it. */
final class ProofCollector {

  private final NodeLoader loader;

  ProofCollector(NodeLoader loader) {
    this.loader = loader;
  }

  void collect(Node root, byte[] key, List<Bytes> proof) {
    Node node = root;
    int at = 0;
    boolean isRoot = true;
    while (node != null) {
      node = loader.resolve(node);
      if (isRoot || node.isHashed()) {
        proof.add(Bytes.wrap(node.encoding()));
      }
      isRoot = false;
      switch (node) {
        case LeafNode leaf -> node = null;
        case ExtensionNode ext -> {
          if (Nibbles.commonPrefix(ext.path, key, at) != ext.path.length) {
            node = null;
          } else {
            at += ext.path.length;
            node = ext.child;
          }
        }
        case BranchNode branch -> {
          if (at == key.length) {
            node = null;
          } else {
            node = branch.children[key[at]];
            at++;
          }
        }
        case HashNode ignored -> throw new IllegalStateException("resolved above");
      }
    }
  }
}

package io.basalt.execution.trie;

import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.rlp.RlpWriter;
import org.apache.tuweni.bytes.Bytes;

/** Sixteen children, one per next nibble, and the value of a key that ends here (or null). */
final class BranchNode extends Node {

  final Node[] children;
  final Bytes value;

  /** Takes ownership of {@code children} (16 entries, null for none). */
  BranchNode(Node[] children, Bytes value) {
    this.children = children;
    this.value = value;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(Bytes newValue) {
    return new BranchNode(children, newValue);
  }

  @Override
  byte[] encode() {
    return RlpWriter.list(
            w -> {
              for (Node child : children) {
                if (child == null) {
                  w.writeRaw(Rlp.EMPTY_STRING);
                } else {
                  child.writeReference(w);
                }
              }
              w.writeBytes(value == null ? Bytes.EMPTY : value);
            })
        .toArrayUnsafe();
  }
}

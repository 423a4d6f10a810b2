package io.basalt.execution.trie;

import io.basalt.execution.rlp.RlpWriter;

/** A run of nibbles shared by every key below it, then one child (a branch). */
final class ExtensionNode extends Node {

  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  @Override
  byte[] encode() {
    return RlpWriter.list(
            w -> {
              w.writeBytes(Nibbles.hexPrefix(path, false));
              child.writeReference(w);
            })
        .toArrayUnsafe();
  }
}

package io.basalt.execution.trie;

import io.basalt.execution.rlp.RlpWriter;
import org.apache.tuweni.bytes.Bytes;

/** The end of a key: the remaining nibbles of the path and the value. */
final class LeafNode extends Node {

  final byte[] path;
  final Bytes value;

  LeafNode(byte[] path, Bytes value) {
    this.path = path;
    this.value = value;
  }

  @Override
  byte[] encode() {
    return RlpWriter.list(
            w -> {
              w.writeBytes(Nibbles.hexPrefix(path, true));
              w.writeBytes(value);
            })
        .toArrayUnsafe();
  }
}

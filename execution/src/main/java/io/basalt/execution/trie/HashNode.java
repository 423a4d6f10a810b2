package io.basalt.execution.trie;

import io.basalt.execution.rlp.RlpWriter;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A reference to a node that is in the store but not loaded; {@link NodeLoader} resolves it. Only
 * its hash is known, so it is always referenced by hash.
 */
final class HashNode extends Node {

  private final Bytes32 nodeHash;

  HashNode(Bytes32 nodeHash) {
    this.nodeHash = nodeHash;
    this.persisted = true;
  }

  @Override
  Bytes32 hash() {
    return nodeHash;
  }

  @Override
  boolean isHashed() {
    return true;
  }

  @Override
  void writeReference(RlpWriter writer) {
    writer.writeBytes(nodeHash.toArrayUnsafe());
  }

  @Override
  byte[] encode() {
    throw new IllegalStateException("A hash reference has no encoding until it is loaded");
  }
}

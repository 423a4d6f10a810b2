package io.basalt.execution.trie;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Receives the nodes of a commit, e.g. into a storage transaction that also holds the rest of a
 * block import ({@link KvNodeStore#sink}).
 */
@FunctionalInterface
public interface NodeSink {

  void put(Bytes32 hash, Bytes encodedNode);
}

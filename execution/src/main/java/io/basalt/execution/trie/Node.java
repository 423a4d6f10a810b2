package io.basalt.execution.trie;

import io.basalt.common.crypto.Hash;
import io.basalt.execution.rlp.RlpWriter;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An immutable trie node. Updates build new nodes along the changed path and share the rest, so a
 * root node is a snapshot that later updates never change.
 *
 * <p>The RLP encoding and hash are computed once, on first use. {@link #persisted} says the node
 * (and so everything below it) is already in the node store; it only ever goes from false to true,
 * after a successful commit or when the node was read from the store. These caches are not
 * synchronized: hand a trie to another thread only through a happens-before edge.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {

  /** Nodes whose encoding is shorter than this are embedded in their parent, not hashed. */
  static final int INLINE_LIMIT = 32;

  private byte[] encoding;
  private Bytes32 hash;
  boolean persisted;

  /** The RLP encoding of this node. */
  byte[] encoding() {
    byte[] e = encoding;
    if (e == null) {
      e = encode();
      encoding = e;
    }
    return e;
  }

  /** Keccak-256 of the encoding: the key of this node in the store, and the root hash. */
  Bytes32 hash() {
    Bytes32 h = hash;
    if (h == null) {
      h = Bytes32.wrap(Hash.keccak256(encoding()));
      hash = h;
    }
    return h;
  }

  /** Whether a parent refers to this node by hash (true) or embeds it (false). */
  boolean isHashed() {
    return encoding().length >= INLINE_LIMIT;
  }

  /** Writes the reference a parent holds: the node itself if short, else its hash. */
  void writeReference(RlpWriter writer) {
    byte[] e = encoding();
    if (e.length < INLINE_LIMIT) {
      writer.writeRaw(Bytes.wrap(e));
    } else {
      writer.writeBytes(hash().toArrayUnsafe());
    }
  }

  /** Sets the caches of a node decoded from the store. */
  void markLoaded(byte[] encoded, Bytes32 knownHash) {
    this.encoding = encoded;
    this.hash = knownHash;
    this.persisted = true;
  }

  abstract byte[] encode();
}

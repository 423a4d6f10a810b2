package io.basalt.execution.trie;

import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decodes the RLP of a trie node. Children referenced by hash become {@link HashNode}s; embedded
 * children are decoded in place. Every decoded node is marked persisted: it came from the store (or
 * a proof) and needs no writing.
 */
final class NodeDecoder {

  private NodeDecoder() {}

  /**
   * @throws TrieException if {@code encoded} is not a well-formed node
   */
  static Node decode(Bytes encoded, Bytes32 hash) {
    try {
      Node node = decodeNode(RlpReader.of(encoded).readListFully());
      node.markLoaded(encoded.toArrayUnsafe(), hash);
      return node;
    } catch (RlpException e) {
      throw new TrieException("Trie node " + hash + " is not valid RLP: " + e.getMessage(), e);
    }
  }

  private static Node decodeNode(RlpReader list) {
    Bytes[] items = new Bytes[17];
    int count = 0;
    while (list.hasNext()) {
      if (count == items.length) {
        throw new TrieException("A trie node has 2 or 17 items, got more than 17");
      }
      items[count++] = list.readRaw();
    }
    if (count == 2) {
      byte[] encodedPath = Rlp.decodeBytes(items[0]).toArrayUnsafe();
      byte[] path = Nibbles.fromHexPrefix(encodedPath);
      if (Nibbles.isLeaf(encodedPath)) {
        Bytes value = Rlp.decodeBytes(items[1]);
        if (value.isEmpty()) {
          throw new TrieException("Leaf node with an empty value");
        }
        return new LeafNode(path, value);
      }
      if (path.length == 0) {
        throw new TrieException("Extension node with an empty path");
      }
      Node child = decodeReference(items[1]);
      if (child == null) {
        throw new TrieException("Extension node without a child");
      }
      return new ExtensionNode(path, child);
    }
    if (count == 17) {
      Node[] children = new Node[16];
      for (int i = 0; i < 16; i++) {
        children[i] = decodeReference(items[i]);
      }
      Bytes value = Rlp.decodeBytes(items[16]);
      return new BranchNode(children, value.isEmpty() ? null : value);
    }
    throw new TrieException("A trie node has 2 or 17 items, got " + count);
  }

  /** A child reference: empty string (none), a 32-byte hash, or an embedded node (a list). */
  private static Node decodeReference(Bytes raw) {
    if ((raw.get(0) & 0xff) >= 0xc0) {
      if (raw.size() >= Node.INLINE_LIMIT) {
        throw new TrieException("Embedded node of " + raw.size() + " bytes must be hashed");
      }
      Node node = decodeNode(RlpReader.of(raw).readListFully());
      node.markLoaded(raw.toArrayUnsafe(), null);
      return node;
    }
    Bytes ref = Rlp.decodeBytes(raw);
    if (ref.isEmpty()) {
      return null;
    }
    if (ref.size() != 32) {
      throw new TrieException("A child reference is 0 or 32 bytes, got " + ref.size());
    }
    return new HashNode(Bytes32.wrap(ref));
  }
}

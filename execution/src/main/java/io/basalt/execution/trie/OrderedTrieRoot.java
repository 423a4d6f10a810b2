package io.basalt.execution.trie;

import io.basalt.execution.rlp.Rlp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The root of an ordered list as Ethereum commits to a block's transactions and receipts (geth's
 * {@code DeriveSha}): a plain, unhashed-key Merkle-Patricia trie from {@code rlp(index)} to the
 * item's encoding. Thread-safe (it keeps no state).
 */
public final class OrderedTrieRoot {

  /** The trie is only hashed, never committed or reopened, so it needs no store. */
  private static final NodeStore NO_STORE =
      new NodeStore() {
        @Override
        public Optional<Bytes> get(Bytes32 hash) {
          return Optional.empty();
        }

        @Override
        public void putAll(Map<Bytes32, Bytes> nodes) {
          throw new UnsupportedOperationException("an ordered trie root is never committed");
        }
      };

  private OrderedTrieRoot() {}

  /**
   * The root of the trie holding {@code encodedItems.get(i)} under {@code rlp(i)}; {@link
   * MerklePatriciaTrie#EMPTY_ROOT} for an empty list.
   *
   * @throws IllegalArgumentException if an item is empty (a trie cannot hold an empty value, and no
   *     transaction or receipt encoding is empty)
   */
  public static Bytes32 of(List<Bytes> encodedItems) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(NO_STORE);
    for (int i = 0; i < encodedItems.size(); i++) {
      Bytes item = encodedItems.get(i);
      if (item.isEmpty()) {
        throw new IllegalArgumentException("item " + i + " is empty");
      }
      trie.put(Rlp.encodeScalar(i), item);
    }
    return trie.rootHash();
  }
}

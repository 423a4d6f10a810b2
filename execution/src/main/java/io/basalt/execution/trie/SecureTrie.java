package io.basalt.execution.trie;

import io.basalt.common.crypto.Hash;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A trie keyed by Keccak-256 of the caller's key, as Ethereum's state and storage tries are: paths
 * have a fixed length of 64 nibbles, and an attacker cannot choose keys that make paths deep.
 * Preimages are not stored. Same write-back, snapshot and thread-safety rules as {@link
 * MerklePatriciaTrie}.
 */
public final class SecureTrie {

  private final MerklePatriciaTrie trie;

  private SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public static SecureTrie empty(NodeStore store) {
    return new SecureTrie(MerklePatriciaTrie.empty(store));
  }

  /**
   * @throws TrieException if the root node is not in the store
   */
  public static SecureTrie open(Bytes32 rootHash, NodeStore store) {
    return new SecureTrie(MerklePatriciaTrie.open(rootHash, store));
  }

  public Optional<Bytes> get(Bytes key) {
    return trie.get(Hash.keccak256(key));
  }

  /** Sets the value under {@code key}; an empty value removes it. */
  public void put(Bytes key, Bytes value) {
    trie.put(Hash.keccak256(key), value);
  }

  public void remove(Bytes key) {
    trie.remove(Hash.keccak256(key));
  }

  public Bytes32 rootHash() {
    return trie.rootHash();
  }

  public Bytes32 commit() {
    return trie.commit();
  }

  public Bytes32 commit(NodeSink sink) {
    return trie.commit(sink);
  }

  public SecureTrie snapshot() {
    return new SecureTrie(trie.snapshot());
  }

  /** The proof for {@code key}; verify it with the hashed key ({@link #hashedKey}). */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(Hash.keccak256(key));
  }

  /** The path under which {@code key} is stored. */
  public static Bytes32 hashedKey(Bytes key) {
    return Hash.keccak256(key);
  }
}

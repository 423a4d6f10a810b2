package io.basalt.execution.trie;

import io.basalt.common.crypto.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Checks a Merkle proof from {@link MerklePatriciaTrie#proof} against a root hash, knowing nothing
 * but the proof. Nodes are looked up by the Keccak-256 of their RLP, so an altered node no longer
 * matches the reference to it and the proof is rejected. Nodes the path does not need are ignored.
 */
public final class TrieProofVerifier {

  private TrieProofVerifier() {}

  /**
   * The value under {@code key} in the trie with root {@code rootHash}, or empty if the proof shows
   * that the key is absent.
   *
   * @throws InvalidProofException if the proof does not establish either
   */
  public static Optional<Bytes> verify(Bytes32 rootHash, Bytes key, List<Bytes> proof)
      throws InvalidProofException {
    if (rootHash.equals(MerklePatriciaTrie.EMPTY_ROOT)) {
      return Optional.empty();
    }
    Map<Bytes32, Bytes> nodes = new HashMap<>();
    for (Bytes node : proof) {
      nodes.put(Hash.keccak256(node), node);
    }
    NodeStore proofStore =
        new NodeStore() {
          @Override
          public Optional<Bytes> get(Bytes32 hash) {
            return Optional.ofNullable(nodes.get(hash));
          }

          @Override
          public void putAll(Map<Bytes32, Bytes> ignored) {
            throw new UnsupportedOperationException("A proof is read-only");
          }
        };
    try {
      return MerklePatriciaTrie.open(rootHash, proofStore).get(key);
    } catch (TrieException e) {
      throw new InvalidProofException(
          "Invalid proof for root " + rootHash + ": " + e.getMessage(), e);
    }
  }
}

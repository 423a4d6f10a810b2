package io.basalt.common.ssz.proof;

import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.tree.GIndex;
import io.basalt.common.ssz.tree.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Single and multi Merkle proofs (consensus-specs {@code ssz/merkle-proofs.md}): made from a tree
 * and checked against a root. Verifiers return {@code false} for any proof that does not fit,
 * including one of the wrong length; they never throw for bad proof data.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /** The branch for {@code gindex}: sibling hashes from the leaf's level up to the root's child. */
  public static List<Bytes32> branch(Node root, long gindex) {
    List<Bytes32> proof = new ArrayList<>();
    for (long index : GeneralizedIndices.branchIndices(gindex)) {
      proof.add(root.get(index).hash());
    }
    return proof;
  }

  /** spec: calculate_merkle_root. */
  public static Bytes32 calculateRoot(Bytes32 leaf, List<Bytes32> proof, long gindex) {
    if (proof.size() != GIndex.depth(gindex)) {
      throw new IllegalArgumentException(
          "Proof of " + proof.size() + " nodes for gindex at depth " + GIndex.depth(gindex));
    }
    byte[] node = leaf.toArrayUnsafe();
    for (int i = 0; i < proof.size(); i++) {
      byte[] sibling = proof.get(i).toArrayUnsafe();
      node =
          GeneralizedIndices.bit(gindex, i)
              ? Hash.sha256(sibling, node)
              : Hash.sha256(node, sibling);
    }
    return Bytes32.wrap(node);
  }

  /** spec: verify_merkle_proof. */
  public static boolean verify(Bytes32 leaf, List<Bytes32> proof, long gindex, Bytes32 root) {
    if (gindex < 1 || proof.size() != GIndex.depth(gindex)) {
      return false;
    }
    return calculateRoot(leaf, proof, gindex).equals(root);
  }

  /**
   * spec: is_valid_merkle_branch — {@code index} is the leaf's position at {@code depth} (not a
   * generalized index).
   */
  public static boolean isValidMerkleBranch(
      Bytes32 leaf, List<Bytes32> branch, int depth, long index, Bytes32 root) {
    if (depth < 0 || depth > 62 || branch.size() < depth || index < 0) {
      return false;
    }
    byte[] value = leaf.toArrayUnsafe();
    for (int i = 0; i < depth; i++) {
      byte[] sibling = branch.get(i).toArrayUnsafe();
      value = ((index >>> i) & 1) == 1 ? Hash.sha256(sibling, value) : Hash.sha256(value, sibling);
    }
    return Arrays.equals(value, root.toArrayUnsafe());
  }

  /** The helper nodes of a multiproof for {@code gindices}, in {@code get_helper_indices} order. */
  public static List<Bytes32> multiproof(Node root, List<Long> gindices) {
    List<Bytes32> proof = new ArrayList<>();
    for (long index : GeneralizedIndices.helperIndices(gindices)) {
      proof.add(root.get(index).hash());
    }
    return proof;
  }

  /** spec: calculate_multi_merkle_root. */
  public static Bytes32 calculateMultiRoot(
      List<Bytes32> leaves, List<Bytes32> proof, List<Long> indices) {
    if (leaves.size() != indices.size()) {
      throw new IllegalArgumentException(
          leaves.size() + " leaves for " + indices.size() + " indices");
    }
    List<Long> helpers = GeneralizedIndices.helperIndices(indices);
    if (proof.size() != helpers.size()) {
      throw new IllegalArgumentException(
          "Multiproof has " + proof.size() + " nodes, needs " + helpers.size());
    }
    Map<Long, byte[]> objects = new HashMap<>();
    for (int i = 0; i < indices.size(); i++) {
      objects.put(indices.get(i), leaves.get(i).toArrayUnsafe());
    }
    for (int i = 0; i < helpers.size(); i++) {
      objects.put(helpers.get(i), proof.get(i).toArrayUnsafe());
    }
    List<Long> keys = new ArrayList<>(objects.keySet());
    keys.sort((a, b) -> Long.compare(b, a));
    int pos = 0;
    while (pos < keys.size()) {
      long k = keys.get(pos);
      if (k > 1
          && objects.containsKey(k)
          && objects.containsKey(k ^ 1)
          && !objects.containsKey(k / 2)) {
        long parent = k / 2;
        objects.put(parent, Hash.sha256(objects.get(parent * 2), objects.get(parent * 2 + 1)));
        keys.add(parent);
      }
      pos++;
    }
    byte[] root = objects.get(1L);
    if (root == null) {
      throw new IllegalArgumentException("Multiproof does not reach the root");
    }
    return Bytes32.wrap(root);
  }

  /** spec: verify_merkle_multiproof; false for any proof that does not fit. */
  public static boolean verifyMultiproof(
      List<Bytes32> leaves, List<Bytes32> proof, List<Long> indices, Bytes32 root) {
    try {
      return calculateMultiRoot(leaves, proof, indices).equals(root);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

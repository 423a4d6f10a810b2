package io.basalt.common.ssz.tree;

import io.basalt.common.crypto.Hash;

/**
 * An inner node. Its hash {@code sha256(left.hash || right.hash)} is computed on first request and
 * cached, so a new tree that shares subtrees with an old one re-hashes only its new nodes.
 *
 * <p>Thread-safe: the cache is a volatile field written with an idempotent result, so concurrent
 * readers at worst compute the same hash twice.
 */
public final class BranchNode extends Node {

  /**
   * Number of branch hashes computed so far, for tests that prove an update re-hashes only one
   * path. Not synchronized: exact only when a single thread hashes.
   */
  static long hashCount;

  private final Node left;
  private final Node right;
  private volatile byte[] hash;

  public BranchNode(Node left, Node right) {
    if (left == null || right == null) {
      throw new IllegalArgumentException("Branch children must not be null");
    }
    this.left = left;
    this.right = right;
  }

  /** A branch whose hash is already known (used for the precomputed zero subtrees). */
  BranchNode(Node left, Node right, byte[] hash) {
    this(left, right);
    this.hash = hash;
  }

  @Override
  public byte[] hashBytes() {
    byte[] h = hash;
    if (h == null) {
      h = Hash.sha256(left.hashBytes(), right.hashBytes());
      hashCount++;
      hash = h;
    }
    return h;
  }

  @Override
  public boolean isLeaf() {
    return false;
  }

  @Override
  public Node left() {
    return left;
  }

  @Override
  public Node right() {
    return right;
  }

  @Override
  public String toString() {
    return "Branch[" + (hash == null ? "unhashed" : hash().toHexString()) + "]";
  }
}

package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.state.Validator;
import io.basalt.common.ssz.tree.BranchNode;
import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.view.ListView;

/**
 * Writes changed registry entries back from the columns in one bottom-up pass. An epoch can change
 * many effective balances at once (after a leak, or at the first epoch of a new network); a {@code
 * set} per entry would decode a {@code Validator} record, re-encode it and copy a 40-level path
 * each time (~2 s for 250,000 entries). Here each changed entry's subtree is rebuilt from the
 * columns around its unchanged key-and-credentials subtree, and only branches above changed entries
 * are new; every other subtree is the old node with its cached hash.
 *
 * <p>The layout is the {@code Validator} container's (the same one {@code RegistryColumns} reads):
 * eight field chunks three levels down, {@code [[pubkey, credentials], [effective_balance,
 * slashed]], [[eligibility, activation], [exit, withdrawable]]}.
 */
final class RegistryWriter {

  private RegistryWriter() {}

  /**
   * {@code validators} with the entries at {@code changed} (increasing indices) rewritten from the
   * workspace columns.
   */
  static ListView<Validator> write(
      ListView<Validator> validators, int[] changed, EpochWorkspace w) {
    if (changed.length == 0) {
      return validators;
    }
    Node data = validators.root().left();
    Node rebuilt = rebuild(data, validators.schema().dataDepth(), 0, changed, 0, changed.length, w);
    return ListView.fromTree(validators.schema(), Trees.mixInLength(rebuilt, validators.size()));
  }

  /** The subtree at {@code node} (first element {@code first}) with changed[lo, hi) rewritten. */
  private static Node rebuild(
      Node node, int depth, long first, int[] changed, int lo, int hi, EpochWorkspace w) {
    if (lo == hi) {
      return node;
    }
    if (depth == 0) {
      return entry(node, changed[lo], w);
    }
    long middle = first + (1L << (depth - 1));
    int split = lo;
    while (split < hi && changed[split] < middle) {
      split++;
    }
    Node left = rebuild(node.left(), depth - 1, first, changed, lo, split, w);
    Node right = rebuild(node.right(), depth - 1, middle, changed, split, hi, w);
    return new BranchNode(left, right);
  }

  private static Node entry(Node old, int i, EpochWorkspace w) {
    Node keyAndCredentials = old.left().left();
    Node balanceAndSlashed =
        new BranchNode(uint64(w.effectiveBalance[i]), uint64(w.slashed[i] ? 1 : 0));
    Node eligibilityAndActivation =
        new BranchNode(uint64(w.activationEligibilityEpoch[i]), uint64(w.activationEpoch[i]));
    Node exitAndWithdrawable =
        new BranchNode(uint64(w.exitEpoch[i]), uint64(w.withdrawableEpoch[i]));
    return new BranchNode(
        new BranchNode(keyAndCredentials, balanceAndSlashed),
        new BranchNode(eligibilityAndActivation, exitAndWithdrawable));
  }

  private static LeafNode uint64(long value) {
    byte[] chunk = new byte[32];
    for (int b = 0; b < Long.BYTES; b++) {
      chunk[b] = (byte) (value >>> (8 * b));
    }
    return LeafNode.of(chunk);
  }
}

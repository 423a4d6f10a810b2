package io.basalt.beacon.state;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.view.ListView;

/**
 * The numeric fields of every validator, read straight from the registry's tree into caller-owned
 * arrays in one left-to-right walk, without building a {@link Validator} per entry. The one place
 * that knows where those fields sit in a validator's subtree; {@link RegistryColumns} and epoch
 * processing both read through it.
 *
 * <p>Values are uint64 bit patterns in {@code long}s ({@code FAR_FUTURE_EPOCH} is {@code -1L}).
 */
public record ValidatorFieldColumns(
    long[] effectiveBalance,
    boolean[] slashed,
    long[] activationEligibilityEpoch,
    long[] activationEpoch,
    long[] exitEpoch,
    long[] withdrawableEpoch) {

  /** Fresh arrays for {@code size} validators. */
  public static ValidatorFieldColumns allocate(int size) {
    return new ValidatorFieldColumns(
        new long[size],
        new boolean[size],
        new long[size],
        new long[size],
        new long[size],
        new long[size]);
  }

  /** Reads the first {@code effectiveBalance().length} validators of {@code validators}. */
  public void readFrom(ListView<Validator> validators) {
    int size = effectiveBalance.length;
    Node[] entries =
        Trees.firstNodes(validators.root().left(), validators.schema().dataDepth(), size);
    for (int i = 0; i < size; i++) {
      // A Validator's 8 field chunks, 3 levels down: [pubkey, withdrawal_credentials,
      // effective_balance, slashed | activation_eligibility_epoch, activation_epoch, exit_epoch,
      // withdrawable_epoch].
      Node balanceAndSlashed = entries[i].left().right();
      Node eligibilityAndActivation = entries[i].right().left();
      Node exitAndWithdrawable = entries[i].right().right();
      effectiveBalance[i] = uint64(balanceAndSlashed.left());
      slashed[i] = balanceAndSlashed.right().hashBytes()[0] != 0;
      activationEligibilityEpoch[i] = uint64(eligibilityAndActivation.left());
      activationEpoch[i] = uint64(eligibilityAndActivation.right());
      exitEpoch[i] = uint64(exitAndWithdrawable.left());
      withdrawableEpoch[i] = uint64(exitAndWithdrawable.right());
    }
  }

  /** The little-endian uint64 at the start of a leaf chunk. */
  public static long uint64(Node leaf) {
    return uint64(leaf.hashBytes(), 0);
  }

  /** The little-endian uint64 at {@code offset} of {@code bytes}. */
  public static long uint64(byte[] bytes, int offset) {
    long v = 0;
    for (int b = 7; b >= 0; b--) {
      v = (v << 8) | (bytes[offset + b] & 0xFF);
    }
    return v;
  }
}

package io.basalt.beacon.state;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;

/**
 * The registry's numeric fields and the balances as primitive columns, read in one walk of each
 * tree without building a {@link Validator} per entry: the fast read for epoch processing and other
 * whole-registry scans (active set, total balance, exit queue). Values are uint64 bit patterns in
 * {@code long}s; compare them unsigned ({@link Long#compareUnsigned}) — {@code FAR_FUTURE_EPOCH} is
 * {@code -1L}. Immutable after construction; the arrays are never exposed.
 */
public final class RegistryColumns {

  private final int size;
  private final long[] effectiveBalance;
  private final boolean[] slashed;
  private final long[] activationEligibilityEpoch;
  private final long[] activationEpoch;
  private final long[] exitEpoch;
  private final long[] withdrawableEpoch;
  private final long[] balance;

  private RegistryColumns(int size) {
    this.size = size;
    this.effectiveBalance = new long[size];
    this.slashed = new boolean[size];
    this.activationEligibilityEpoch = new long[size];
    this.activationEpoch = new long[size];
    this.exitEpoch = new long[size];
    this.withdrawableEpoch = new long[size];
    this.balance = new long[size];
  }

  /**
   * Reads the validators and balances of {@code state}.
   *
   * @throws IllegalStateException if the two lists differ in length (a broken state)
   */
  public static RegistryColumns of(BeaconState state) {
    ListView<Validator> validators = state.validators();
    ListView<Gwei> balances = state.balances();
    if (validators.size() != balances.size()) {
      throw new IllegalStateException(
          validators.size() + " validators but " + balances.size() + " balances");
    }
    int size = Math.toIntExact(validators.size());
    RegistryColumns columns = new RegistryColumns(size);
    Node[] entries =
        Trees.firstNodes(validators.root().left(), validators.schema().dataDepth(), size);
    for (int i = 0; i < size; i++) {
      // Validator's 8 field chunks, 3 levels down: [pubkey, credentials, effective_balance,
      // slashed | eligibility, activation, exit, withdrawable].
      Node balanceAndSlashed = entries[i].left().right();
      Node eligibilityAndActivation = entries[i].right().left();
      Node exitAndWithdrawable = entries[i].right().right();
      columns.effectiveBalance[i] = readLong(balanceAndSlashed.left());
      columns.slashed[i] = balanceAndSlashed.right().hashBytes()[0] != 0;
      columns.activationEligibilityEpoch[i] = readLong(eligibilityAndActivation.left());
      columns.activationEpoch[i] = readLong(eligibilityAndActivation.right());
      columns.exitEpoch[i] = readLong(exitAndWithdrawable.left());
      columns.withdrawableEpoch[i] = readLong(exitAndWithdrawable.right());
    }
    byte[] packed =
        Trees.unpack(balances.root().left(), balances.schema().dataDepth(), size * Long.BYTES);
    for (int i = 0; i < size; i++) {
      columns.balance[i] = readLong(packed, i * Long.BYTES);
    }
    return columns;
  }

  private static long readLong(Node leaf) {
    return readLong(leaf.hashBytes(), 0);
  }

  private static long readLong(byte[] bytes, int offset) {
    long v = 0;
    for (int b = 7; b >= 0; b--) {
      v = (v << 8) | (bytes[offset + b] & 0xFF);
    }
    return v;
  }

  public int size() {
    return size;
  }

  public long effectiveBalance(int index) {
    return effectiveBalance[index];
  }

  public boolean slashed(int index) {
    return slashed[index];
  }

  public long activationEligibilityEpoch(int index) {
    return activationEligibilityEpoch[index];
  }

  public long activationEpoch(int index) {
    return activationEpoch[index];
  }

  public long exitEpoch(int index) {
    return exitEpoch[index];
  }

  public long withdrawableEpoch(int index) {
    return withdrawableEpoch[index];
  }

  /** The validator's balance (not its effective balance). */
  public long balance(int index) {
    return balance[index];
  }

  /** {@code is_active_validator(validators[index], epoch)}. */
  public boolean isActive(int index, Epoch epoch) {
    long e = epoch.value().bits();
    return Long.compareUnsigned(activationEpoch[index], e) <= 0
        && Long.compareUnsigned(e, exitEpoch[index]) < 0;
  }

  /** Typed view of a column value. */
  public static Epoch epoch(long bits) {
    return new Epoch(UInt64.fromBits(bits));
  }

  /** Typed view of a column value. */
  public static Gwei gwei(long bits) {
    return new Gwei(UInt64.fromBits(bits));
  }
}

package io.basalt.beacon.state;

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
  private final ValidatorFieldColumns fields;
  private final long[] balance;

  private RegistryColumns(int size) {
    this.size = size;
    this.fields = ValidatorFieldColumns.allocate(size);
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
    columns.fields.readFrom(validators);
    byte[] packed =
        Trees.unpack(balances.root().left(), balances.schema().dataDepth(), size * Long.BYTES);
    for (int i = 0; i < size; i++) {
      columns.balance[i] = ValidatorFieldColumns.uint64(packed, i * Long.BYTES);
    }
    return columns;
  }

  public int size() {
    return size;
  }

  public long effectiveBalance(int index) {
    return fields.effectiveBalance()[index];
  }

  public boolean slashed(int index) {
    return fields.slashed()[index];
  }

  public long activationEligibilityEpoch(int index) {
    return fields.activationEligibilityEpoch()[index];
  }

  public long activationEpoch(int index) {
    return fields.activationEpoch()[index];
  }

  public long exitEpoch(int index) {
    return fields.exitEpoch()[index];
  }

  public long withdrawableEpoch(int index) {
    return fields.withdrawableEpoch()[index];
  }

  /** The validator's balance (not its effective balance). */
  public long balance(int index) {
    return balance[index];
  }

  /** {@code is_active_validator(validators[index], epoch)}. */
  public boolean isActive(int index, Epoch epoch) {
    long e = epoch.value().bits();
    return Long.compareUnsigned(fields.activationEpoch()[index], e) <= 0
        && Long.compareUnsigned(e, fields.exitEpoch()[index]) < 0;
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

package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.state.WorldState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A contract's storage over a {@link WorldState}: reads see the state and this call's own writes;
 * writes stay here until {@link #applyTo} copies them to the state (after a successful call), so a
 * revert or a read-only call changes nothing.
 */
public final class StorageOverlay implements ContractStorage {

  private final WorldState state;
  private final Address contract;
  private final Map<Bytes32, Bytes32> writes = new LinkedHashMap<>();

  public StorageOverlay(WorldState state, Address contract) {
    this.state = Objects.requireNonNull(state, "state");
    this.contract = Objects.requireNonNull(contract, "contract");
  }

  @Override
  public Bytes32 load(Bytes32 slot) {
    Bytes32 written = writes.get(slot);
    return written != null ? written : state.getStorage(contract, slot);
  }

  @Override
  public void store(Bytes32 slot, Bytes32 value) {
    writes.put(Objects.requireNonNull(slot, "slot"), Objects.requireNonNull(value, "value"));
  }

  /** Writes this call's changes to the contract's account in {@code target}. */
  public void applyTo(WorldState target) {
    writes.forEach((slot, value) -> target.setStorage(contract, slot, value));
  }

  /** Whether the call wrote anything. */
  public boolean isDirty() {
    return !writes.isEmpty();
  }
}

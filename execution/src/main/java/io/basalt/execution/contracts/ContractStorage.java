package io.basalt.execution.contracts;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The 32-byte storage slots of the called contract's own account. Writes made during a call are
 * kept apart from the state and reach it only if the call succeeds (the transaction processor
 * applies them); a revert discards them. For one call on one thread.
 */
public interface ContractStorage {

  /** The value of {@code slot}; zero if never written. */
  Bytes32 load(Bytes32 slot);

  /** Sets {@code slot}; zero clears it. */
  void store(Bytes32 slot, Bytes32 value);

  /**
   * Storage that starts empty and keeps its writes only for the call: the default for callers that
   * give a contract no state (tests, and read-only calls built with the six-argument {@link
   * CallContext} constructor).
   */
  static ContractStorage empty() {
    Map<Bytes32, Bytes32> slots = new HashMap<>();
    return new ContractStorage() {
      @Override
      public Bytes32 load(Bytes32 slot) {
        return slots.getOrDefault(slot, Bytes32.ZERO);
      }

      @Override
      public void store(Bytes32 slot, Bytes32 value) {
        slots.put(slot, value);
      }
    };
  }
}

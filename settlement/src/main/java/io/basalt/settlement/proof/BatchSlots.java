package io.basalt.settlement.proof;

import io.basalt.execution.contracts.ContractStorage;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.SettlementSlots;
import io.basalt.execution.settlement.SettlementStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The storage words of a batch record, in the Settlement contract's layout ({@link
 * SettlementSlots#batch}): written and read through {@link SettlementStore} so the layout is the
 * contract's own, not a copy.
 */
public final class BatchSlots {

  /**
   * Words per batch record: batchHash, parent, l2 start, l2 end, state, withdrawals, data, commit
   * slot, reverted.
   */
  public static final int FIELDS = 9;

  private BatchSlots() {}

  /** The storage keys of batch {@code (rollupId, batchIndex)}, field 0 first. */
  public static List<Bytes32> keys(long rollupId, long batchIndex) {
    List<Bytes32> keys = new ArrayList<>(FIELDS);
    for (int i = 0; i < FIELDS; i++) {
      keys.add(SettlementSlots.batch(rollupId, batchIndex, i));
    }
    return keys;
  }

  /** The words the contract stores for {@code record}, field 0 first (zero for a cleared slot). */
  public static List<Bytes32> words(long rollupId, long batchIndex, BatchRecord record) {
    Map<Bytes32, Bytes32> slots = new HashMap<>();
    new SettlementStore(mapStorage(slots)).putBatch(rollupId, batchIndex, record);
    return keys(rollupId, batchIndex).stream()
        .map(k -> slots.getOrDefault(k, Bytes32.ZERO))
        .toList();
  }

  /** Reads the record of {@code (rollupId, batchIndex)} from {@code storage}. */
  public static BatchRecord read(ContractStorage storage, long rollupId, long batchIndex) {
    return new SettlementStore(storage).batch(rollupId, batchIndex);
  }

  private static ContractStorage mapStorage(Map<Bytes32, Bytes32> slots) {
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

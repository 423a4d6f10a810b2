package io.basalt.execution.settlement;

import io.basalt.common.types.Slot;
import java.util.Optional;

/**
 * How final the Layer-1 block holding a batch is, as the ABI's {@code uint8} (the ordinal): its
 * shard block is included in the shard chain, crosslinked in the justified beacon state, or
 * crosslinked in the finalized beacon state.
 */
public enum InclusionStatus {
  INCLUDED,
  JUSTIFIED,
  FINALIZED;

  public static InclusionStatus of(
      Slot commitSlot, Optional<Slot> justifiedShardSlot, Optional<Slot> finalizedShardSlot) {
    if (finalizedShardSlot.map(f -> !f.isBefore(commitSlot)).orElse(false)) {
      return FINALIZED;
    }
    if (justifiedShardSlot.map(j -> !j.isBefore(commitSlot)).orElse(false)) {
      return JUSTIFIED;
    }
    return INCLUDED;
  }
}

package io.basalt.execution.contracts;

import io.basalt.common.types.Slot;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Settlement contract knows of Layer 1 when it runs: this chain's id, the executing shard
 * block's slot, and, as seen from that block's beacon block root, the newest slot of this shard's
 * blocks that is crosslinked in the justified and in the finalized beacon state. The shard module
 * supplies it where blocks execute; {@link #NONE} knows of no justification or finality, so
 * settlement waits (safety over liveness).
 */
public interface SettlementView {

  /** This shard's chain id ({@code CHAIN_ID_BASE + shard}); part of every signed digest. */
  long chainId();

  /** The slot of the block being executed (for read-only calls: of the head block). */
  Slot slot();

  /** The newest slot of this shard's blocks crosslinked in the current justified beacon state. */
  Optional<Slot> justifiedShardSlot();

  /** The newest slot of this shard's blocks crosslinked in the finalized beacon state. */
  Optional<Slot> finalizedShardSlot();

  /** A view with fixed facts. */
  static SettlementView of(
      long chainId,
      Slot slot,
      Optional<Slot> justifiedShardSlot,
      Optional<Slot> finalizedShardSlot) {
    return new Fixed(chainId, slot, justifiedShardSlot, finalizedShardSlot);
  }

  /** Chain id 0, slot 0, nothing justified or finalized: no batch settles, no digest verifies. */
  SettlementView NONE = of(0, Slot.ZERO, Optional.empty(), Optional.empty());

  /** The plain implementation of {@link #of}. */
  record Fixed(
      long chainId, Slot slot, Optional<Slot> justifiedShardSlot, Optional<Slot> finalizedShardSlot)
      implements SettlementView {
    public Fixed {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(justifiedShardSlot, "justifiedShardSlot");
      Objects.requireNonNull(finalizedShardSlot, "finalizedShardSlot");
    }
  }
}

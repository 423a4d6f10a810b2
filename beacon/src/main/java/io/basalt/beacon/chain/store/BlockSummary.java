package io.basalt.beacon.chain.store;

import io.basalt.common.types.Slot;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** What the chain store keeps in memory per block: enough to walk ancestors without decoding. */
public record BlockSummary(Bytes32 root, Slot slot, Bytes32 parentRoot) {

  public BlockSummary {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(parentRoot, "parentRoot");
  }
}

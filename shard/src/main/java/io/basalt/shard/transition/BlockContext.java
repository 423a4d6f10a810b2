package io.basalt.shard.transition;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.SettlementView;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a block's body is executed under: its slot, its beacon anchor and that block's post-state,
 * its base fee, the address that receives priority fees, and the Layer-1 facts the Settlement
 * contract reads ({@link BeaconSettlementView}).
 */
public record BlockContext(
    Slot slot,
    Bytes32 beaconBlockRoot,
    BeaconState anchor,
    BigInteger baseFee,
    Address feeRecipient,
    SettlementView settlement) {

  /** A context whose Settlement view is {@link SettlementView#NONE}. */
  public BlockContext(
      Slot slot,
      Bytes32 beaconBlockRoot,
      BeaconState anchor,
      BigInteger baseFee,
      Address feeRecipient) {
    this(slot, beaconBlockRoot, anchor, baseFee, feeRecipient, SettlementView.NONE);
  }

  public BlockContext {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(beaconBlockRoot, "beaconBlockRoot");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(settlement, "settlement");
  }
}

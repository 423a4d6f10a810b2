package io.basalt.shard.transition;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a block's body is executed under: its slot, its beacon anchor and that block's post-state,
 * its base fee and the address that receives priority fees.
 */
public record BlockContext(
    Slot slot,
    Bytes32 beaconBlockRoot,
    BeaconState anchor,
    BigInteger baseFee,
    Address feeRecipient) {

  public BlockContext {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(beaconBlockRoot, "beaconBlockRoot");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
  }
}

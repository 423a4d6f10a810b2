package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A deposit included in a block. Unlike phase0 there is no eth1 Merkle proof: deposits arrive
 * through crosslinked staking receipts into the state's pending-deposit queue, and a block's
 * deposits must equal the head of that queue in order.
 */
public record Deposit(DepositData data) {

  public static final ContainerSchema<Deposit> SSZ =
      ContainerSchema.ofRecord(Deposit.class, field("data", DepositData.SSZ, Deposit::data));

  public Deposit {
    Objects.requireNonNull(data, "data");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

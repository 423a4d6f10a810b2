package io.basalt.beacon.state;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Stake paid out to an exited validator's withdrawal address. The beacon chain is a cross-shard
 * receipt source: shards consume withdrawals in {@code index} order, each exactly once.
 *
 * @param index position in the chain's sequence of all withdrawals, from zero
 */
public record PendingWithdrawal(
    UInt64 index, ValidatorIndex validatorIndex, Address address, Gwei amount) {

  public static final ContainerSchema<PendingWithdrawal> SSZ =
      ContainerSchema.ofRecord(
          PendingWithdrawal.class,
          field("index", SszTypes.UINT64, PendingWithdrawal::index),
          field("validatorIndex", SszTypes.VALIDATOR_INDEX, PendingWithdrawal::validatorIndex),
          field("address", ConsensusSsz.ADDRESS, PendingWithdrawal::address),
          field("amount", SszTypes.GWEI, PendingWithdrawal::amount));

  public PendingWithdrawal {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(validatorIndex, "validatorIndex");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(amount, "amount");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

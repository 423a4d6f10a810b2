package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.state.PendingDeposit;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Stake sent to the beacon chain by {@code Staking.deposit} on shard {@code source}. The beacon
 * chain queues it as a {@link PendingDeposit} once a crosslink of the source commits to it, in
 * {@code index} order and exactly once.
 *
 * @param index position among all staking receipts of {@code source}, from zero
 * @param signature the deposit's proof of possession (over the {@code DepositMessage})
 */
public record StakingReceipt(
    ShardId source,
    UInt64 index,
    Bytes48 pubkey,
    Address withdrawalAddress,
    Gwei amount,
    Bytes signature,
    Address sender,
    Bytes32 sourceTxHash) {

  public static final ContainerSchema<StakingReceipt> SSZ =
      ContainerSchema.ofRecord(
          StakingReceipt.class,
          field("source", ConsensusSsz.SHARD, StakingReceipt::source),
          field("index", SszTypes.UINT64, StakingReceipt::index),
          field("pubkey", ConsensusSsz.BLS_PUBKEY, StakingReceipt::pubkey),
          field("withdrawalAddress", ConsensusSsz.ADDRESS, StakingReceipt::withdrawalAddress),
          field("amount", SszTypes.GWEI, StakingReceipt::amount),
          field("signature", ConsensusSsz.BLS_SIGNATURE, StakingReceipt::signature),
          field("sender", ConsensusSsz.ADDRESS, StakingReceipt::sender),
          field("sourceTxHash", SszTypes.BYTES32, StakingReceipt::sourceTxHash));

  public StakingReceipt {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalAddress, "withdrawalAddress");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(sourceTxHash, "sourceTxHash");
  }

  /** The queue entry this receipt becomes on the beacon chain. */
  public PendingDeposit toPendingDeposit() {
    return new PendingDeposit(pubkey, withdrawalAddress, amount, signature);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

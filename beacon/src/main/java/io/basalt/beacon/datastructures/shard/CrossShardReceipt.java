package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.ConsensusSsz;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Value sent from one shard to another by {@code CrossShard.transfer}. The source shard appends it
 * to its {@link ShardOutbox}; the destination credits {@code recipient} once a crosslink of the
 * source commits to it, in {@code index} order and exactly once.
 *
 * @param index position among all receipts from {@code source} to {@code destination}, from zero
 * @param value wei (uint256)
 * @param sourceTxHash the transaction on {@code source} that sent the value
 */
public record CrossShardReceipt(
    ShardId source,
    ShardId destination,
    UInt64 index,
    Address sender,
    Address recipient,
    BigInteger value,
    Bytes32 sourceTxHash) {

  public static final ContainerSchema<CrossShardReceipt> SSZ =
      ContainerSchema.ofRecord(
          CrossShardReceipt.class,
          field("source", ConsensusSsz.SHARD, CrossShardReceipt::source),
          field("destination", ConsensusSsz.SHARD, CrossShardReceipt::destination),
          field("index", SszTypes.UINT64, CrossShardReceipt::index),
          field("sender", ConsensusSsz.ADDRESS, CrossShardReceipt::sender),
          field("recipient", ConsensusSsz.ADDRESS, CrossShardReceipt::recipient),
          field("value", SszTypes.UINT256, CrossShardReceipt::value),
          field("sourceTxHash", SszTypes.BYTES32, CrossShardReceipt::sourceTxHash));

  public CrossShardReceipt {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(sourceTxHash, "sourceTxHash");
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("Value is not a uint256: " + value);
    }
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}

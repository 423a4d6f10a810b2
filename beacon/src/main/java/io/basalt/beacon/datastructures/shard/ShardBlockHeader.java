package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.ConsensusSsz;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The fixed-size header of a shard block: what the beacon chain sees of a shard. Its root is the
 * shard block's identity; once crosslinked, {@code receiptsRoot} makes its outgoing cross-shard
 * receipts provable on other shards.
 *
 * @param beaconBlockRoot the beacon block the shard block builds on (must be canonical)
 * @param stateRoot root of the shard's account trie after the block
 * @param transactionsRoot root of the block's transactions
 * @param receiptsRoot root of the outgoing cross-shard receipts the block emits
 * @param incomingReceiptsRoot root of the cross-shard receipts the block consumes
 * @param gasUsed gas used by the block's transactions
 * @param gasLimit the block's gas limit
 * @param baseFee the EIP-1559 base fee per gas in wei (uint256)
 * @param feeRecipient the address that receives priority fees
 */
public record ShardBlockHeader(
    ShardId shard,
    Slot slot,
    ValidatorIndex proposerIndex,
    Bytes32 parentRoot,
    Bytes32 beaconBlockRoot,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    Bytes32 incomingReceiptsRoot,
    UInt64 gasUsed,
    UInt64 gasLimit,
    BigInteger baseFee,
    Address feeRecipient) {

  public static final ContainerSchema<ShardBlockHeader> SSZ =
      ContainerSchema.ofRecord(
          ShardBlockHeader.class,
          field("shard", ConsensusSsz.SHARD, ShardBlockHeader::shard),
          field("slot", SszTypes.SLOT, ShardBlockHeader::slot),
          field("proposerIndex", SszTypes.VALIDATOR_INDEX, ShardBlockHeader::proposerIndex),
          field("parentRoot", SszTypes.BYTES32, ShardBlockHeader::parentRoot),
          field("beaconBlockRoot", SszTypes.BYTES32, ShardBlockHeader::beaconBlockRoot),
          field("stateRoot", SszTypes.BYTES32, ShardBlockHeader::stateRoot),
          field("transactionsRoot", SszTypes.BYTES32, ShardBlockHeader::transactionsRoot),
          field("receiptsRoot", SszTypes.BYTES32, ShardBlockHeader::receiptsRoot),
          field("incomingReceiptsRoot", SszTypes.BYTES32, ShardBlockHeader::incomingReceiptsRoot),
          field("gasUsed", SszTypes.UINT64, ShardBlockHeader::gasUsed),
          field("gasLimit", SszTypes.UINT64, ShardBlockHeader::gasLimit),
          field("baseFee", SszTypes.UINT256, ShardBlockHeader::baseFee),
          field("feeRecipient", ConsensusSsz.ADDRESS, ShardBlockHeader::feeRecipient));

  public ShardBlockHeader {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(proposerIndex, "proposerIndex");
    Objects.requireNonNull(parentRoot, "parentRoot");
    Objects.requireNonNull(beaconBlockRoot, "beaconBlockRoot");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(incomingReceiptsRoot, "incomingReceiptsRoot");
    Objects.requireNonNull(gasUsed, "gasUsed");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    if (baseFee.signum() < 0 || baseFee.bitLength() > 256) {
      throw new IllegalArgumentException("Base fee is not a uint256: " + baseFee);
    }
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }

  /** The crosslink this header becomes once its committee confirms it. */
  public Crosslink toCrosslink() {
    return new Crosslink(shard, slot, hashTreeRoot(), stateRoot, receiptsRoot);
  }
}

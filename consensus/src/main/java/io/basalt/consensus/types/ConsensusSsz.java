package io.basalt.consensus.types;

import io.basalt.common.ssz.BasicSchema;
import io.basalt.common.ssz.ByteVectorSchema;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;

/**
 * SSZ schemas of the protocol's named byte and number types that {@code SszTypes} does not know:
 * {@code Shard}, {@code BLSPubkey}, {@code BLSSignature}, {@code Version}, {@code
 * ExecutionAddress}. Signatures and public keys stay raw bytes in containers: a container decodes
 * even when a key is not a valid curve point, and validation rejects it with a reason later.
 */
public final class ConsensusSsz {

  private ConsensusSsz() {}

  /** {@code Shard} is a uint64 on the wire; Basalt values are {@link ShardId}. */
  public static final BasicSchema<ShardId> SHARD =
      SszTypes.UINT64.map("Shard", ConsensusSsz::toShard, shard -> UInt64.valueOf(shard.id()));

  /** {@code BLSPubkey = Bytes48}. */
  public static final ByteVectorSchema<Bytes48> BLS_PUBKEY =
      new ByteVectorSchema<>(48, Bytes48::wrap);

  /** {@code BLSSignature = Bytes96}. */
  public static final ByteVectorSchema<Bytes> BLS_SIGNATURE = SszTypes.BYTES96;

  /** {@code Version = Bytes4}. */
  public static final SszSchema<Bytes4> VERSION =
      new MappedSchema<>(SszTypes.BYTES4, Bytes4::new, Bytes4::bytes);

  /** A 20-byte account address ({@code ExecutionAddress}). */
  public static final SszSchema<Address> ADDRESS =
      new MappedSchema<>(SszTypes.byteVector(Address.SIZE), Address::new, Address::bytes);

  private static ShardId toShard(UInt64 value) {
    if (value.isGreaterThan(UInt64.valueOf(Integer.MAX_VALUE))) {
      throw new SszDecodingException("Shard number out of range: " + value);
    }
    return ShardId.of(value.intValue());
  }
}

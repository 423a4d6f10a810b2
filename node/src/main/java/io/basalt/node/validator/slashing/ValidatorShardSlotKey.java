package io.basalt.node.validator.slashing;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Key of a validator's shard block record: 48-byte public key, 4-byte big-endian shard, 8-byte
 * big-endian slot, so one validator's records on one shard are contiguous and ordered by slot.
 */
record ValidatorShardSlotKey(Bytes48 validator, ShardId shard, UInt64 slot) {

  private static final int LENGTH = Bytes48.SIZE + Integer.BYTES + Long.BYTES;

  static final Codec<ValidatorShardSlotKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ValidatorShardSlotKey key) {
          return ByteBuffer.allocate(LENGTH)
              .put(key.validator().toArrayUnsafe())
              .putInt(key.shard().id())
              .putLong(key.slot().bits())
              .array();
        }

        @Override
        public ValidatorShardSlotKey decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "ValidatorShardSlotKey needs "
                    + LENGTH
                    + " bytes but stored key has "
                    + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          byte[] validator = new byte[Bytes48.SIZE];
          buffer.get(validator);
          int shard = buffer.getInt();
          if (shard < 0) {
            throw new CodecException("Stored shard number is negative: " + shard);
          }
          return new ValidatorShardSlotKey(
              Bytes48.wrap(validator), ShardId.of(shard), UInt64.fromBits(buffer.getLong()));
        }
      };

  /** Selects every shard block record of {@code validator}. */
  static Bytes prefix(Bytes48 validator) {
    return validator;
  }
}

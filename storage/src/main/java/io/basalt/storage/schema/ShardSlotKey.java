package io.basalt.storage.schema;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;

/**
 * Key of a shard's object by slot: 4-byte big-endian shard number, then the 8-byte big-endian slot,
 * so one shard's entries are contiguous and ordered by slot. Use {@link
 * ShardRootKey#prefix(ShardId)} to select a shard.
 */
public record ShardSlotKey(ShardId shard, UInt64 slot) {

  private static final int LENGTH = Integer.BYTES + Long.BYTES;

  public static final Codec<ShardSlotKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ShardSlotKey key) {
          return ByteBuffer.allocate(LENGTH)
              .putInt(key.shard().id())
              .putLong(key.slot().bits())
              .array();
        }

        @Override
        public ShardSlotKey decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "ShardSlotKey needs " + LENGTH + " bytes but stored key has " + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          int shard = buffer.getInt();
          if (shard < 0) {
            throw new CodecException("Stored shard number is negative: " + shard);
          }
          return new ShardSlotKey(ShardId.of(shard), UInt64.fromBits(buffer.getLong()));
        }
      };
}

package io.basalt.storage.schema;

import io.basalt.common.types.ShardId;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Key of a shard's object by root: 4-byte big-endian shard number, then the 32-byte root, so the
 * entries of one shard are contiguous and {@link #prefix(ShardId)} selects them.
 */
public record ShardRootKey(ShardId shard, Bytes32 root) {

  private static final int LENGTH = Integer.BYTES + Bytes32.SIZE;

  public static final Codec<ShardRootKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ShardRootKey key) {
          return ByteBuffer.allocate(LENGTH)
              .putInt(key.shard().id())
              .put(key.root().toArrayUnsafe())
              .array();
        }

        @Override
        public ShardRootKey decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "ShardRootKey needs " + LENGTH + " bytes but stored key has " + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          int shard = buffer.getInt();
          if (shard < 0) {
            throw new CodecException("Stored shard number is negative: " + shard);
          }
          byte[] root = new byte[Bytes32.SIZE];
          buffer.get(root);
          return new ShardRootKey(ShardId.of(shard), Bytes32.wrap(root));
        }
      };

  /** The key prefix shared by every entry of {@code shard}. */
  public static Bytes prefix(ShardId shard) {
    return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES).putInt(shard.id()).array());
  }
}

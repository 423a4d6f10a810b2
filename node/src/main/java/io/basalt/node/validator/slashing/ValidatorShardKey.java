package io.basalt.node.validator.slashing;

import io.basalt.common.types.ShardId;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes48;

/** Key of a per-(validator, shard) value: 48-byte public key, then the 4-byte big-endian shard. */
record ValidatorShardKey(Bytes48 validator, ShardId shard) {

  private static final int LENGTH = Bytes48.SIZE + Integer.BYTES;

  static final Codec<ValidatorShardKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ValidatorShardKey key) {
          return ByteBuffer.allocate(LENGTH)
              .put(key.validator().toArrayUnsafe())
              .putInt(key.shard().id())
              .array();
        }

        @Override
        public ValidatorShardKey decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "ValidatorShardKey needs " + LENGTH + " bytes but stored key has " + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          byte[] validator = new byte[Bytes48.SIZE];
          buffer.get(validator);
          int shard = buffer.getInt();
          if (shard < 0) {
            throw new CodecException("Stored shard number is negative: " + shard);
          }
          return new ValidatorShardKey(Bytes48.wrap(validator), ShardId.of(shard));
        }
      };
}

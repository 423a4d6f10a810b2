package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Key of a validator's record by number (a block slot or an attestation target epoch): the 48-byte
 * public key, then the 8-byte big-endian number, so one validator's records are contiguous and
 * ordered by number.
 */
record ValidatorNumberKey(Bytes48 validator, UInt64 number) {

  private static final int LENGTH = Bytes48.SIZE + Long.BYTES;

  static final Codec<ValidatorNumberKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ValidatorNumberKey key) {
          return ByteBuffer.allocate(LENGTH)
              .put(key.validator().toArrayUnsafe())
              .putLong(key.number().bits())
              .array();
        }

        @Override
        public ValidatorNumberKey decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "ValidatorNumberKey needs " + LENGTH + " bytes but stored key has " + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          byte[] validator = new byte[Bytes48.SIZE];
          buffer.get(validator);
          return new ValidatorNumberKey(Bytes48.wrap(validator), UInt64.fromBits(buffer.getLong()));
        }
      };

  /** Selects every record of {@code validator}. */
  static Bytes prefix(Bytes48 validator) {
    return validator;
  }
}

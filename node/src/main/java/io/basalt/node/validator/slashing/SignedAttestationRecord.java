package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What is stored for a signed attestation under its (validator, target) key: the source epoch and
 * the signing root. Stored as 8 bytes of source then the {@link SignedRoot} encoding.
 */
record SignedAttestationRecord(UInt64 source, SignedRoot root) {

  static final Codec<SignedAttestationRecord> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(SignedAttestationRecord value) {
          byte[] root = SignedRoot.CODEC.encode(value.root());
          return ByteBuffer.allocate(Long.BYTES + root.length)
              .putLong(value.source().bits())
              .put(root)
              .array();
        }

        @Override
        public SignedAttestationRecord decode(byte[] bytes) {
          if (bytes.length < Long.BYTES) {
            throw new CodecException(
                "A signed attestation needs at least 8 bytes but the stored value has "
                    + bytes.length);
          }
          UInt64 source = UInt64.fromBits(ByteBuffer.wrap(bytes).getLong());
          return new SignedAttestationRecord(
              source, SignedRoot.CODEC.decode(Arrays.copyOfRange(bytes, Long.BYTES, bytes.length)));
        }
      };
}

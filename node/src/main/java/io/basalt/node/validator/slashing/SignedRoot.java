package io.basalt.node.validator.slashing;

import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The signing root of a recorded block, or none when it is unknown (imported from an interchange
 * file without {@code signing_root}, or two conflicting roots were merged on import). An unknown
 * root never matches, so the slot cannot be signed again. Stored as 32 bytes, or 0 when unknown.
 */
record SignedRoot(Optional<Bytes32> root) {

  static final SignedRoot UNKNOWN = new SignedRoot(Optional.empty());

  static SignedRoot of(Bytes32 root) {
    return new SignedRoot(Optional.of(root));
  }

  /** True only when the root is known and equal to {@code other}. */
  boolean matches(Bytes32 other) {
    return root.map(other::equals).orElse(false);
  }

  /** This root when both agree, otherwise unknown: what a conservative merge keeps. */
  SignedRoot mergedWith(SignedRoot other) {
    return equals(other) ? this : UNKNOWN;
  }

  static final Codec<SignedRoot> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(SignedRoot value) {
          return value.root().map(Bytes32::toArray).orElse(new byte[0]);
        }

        @Override
        public SignedRoot decode(byte[] bytes) {
          return switch (bytes.length) {
            case 0 -> UNKNOWN;
            case Bytes32.SIZE -> SignedRoot.of(Bytes32.wrap(bytes.clone()));
            default ->
                throw new CodecException(
                    "A signed root is 0 or 32 bytes but the stored value has " + bytes.length);
          };
        }
      };
}

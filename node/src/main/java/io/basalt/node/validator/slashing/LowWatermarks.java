package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A validator's low watermarks, set by interchange imports (EIP-3076): no block at a slot at or
 * below {@code blockSlot}, no attestation with a source below {@code sourceEpoch} or a target at or
 * below {@code targetEpoch}, except an identical re-sign of a recorded message. Absent means no
 * bound. Watermarks only ever rise.
 */
record LowWatermarks(
    Optional<UInt64> blockSlot, Optional<UInt64> sourceEpoch, Optional<UInt64> targetEpoch) {

  static final LowWatermarks NONE =
      new LowWatermarks(Optional.empty(), Optional.empty(), Optional.empty());

  /** The higher of each pair of bounds. */
  LowWatermarks raisedTo(LowWatermarks other) {
    return new LowWatermarks(
        max(blockSlot, other.blockSlot),
        max(sourceEpoch, other.sourceEpoch),
        max(targetEpoch, other.targetEpoch));
  }

  static Optional<UInt64> max(Optional<UInt64> a, Optional<UInt64> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().max(b.get()));
  }

  private static final int LENGTH = 3 * (1 + Long.BYTES);

  /** Three (present flag, 8-byte big-endian value) pairs. */
  static final Codec<LowWatermarks> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(LowWatermarks value) {
          ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
          for (Optional<UInt64> bound :
              List.of(value.blockSlot(), value.sourceEpoch(), value.targetEpoch())) {
            buffer.put((byte) (bound.isPresent() ? 1 : 0));
            buffer.putLong(bound.map(UInt64::bits).orElse(0L));
          }
          return buffer.array();
        }

        @Override
        public LowWatermarks decode(byte[] bytes) {
          if (bytes.length != LENGTH) {
            throw new CodecException(
                "Low watermarks need "
                    + LENGTH
                    + " bytes but the stored value has "
                    + bytes.length);
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          return new LowWatermarks(read(buffer), read(buffer), read(buffer));
        }

        private Optional<UInt64> read(ByteBuffer buffer) {
          byte flag = buffer.get();
          long bits = buffer.getLong();
          return switch (flag) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(UInt64.fromBits(bits));
            default -> throw new CodecException("Stored watermark flag is " + flag);
          };
        }
      };
}

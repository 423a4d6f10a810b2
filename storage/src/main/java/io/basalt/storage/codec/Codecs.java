package io.basalt.storage.codec;

import io.basalt.common.types.UInt64;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The standard codecs. Fixed-width numbers are big-endian so that byte order equals numeric order,
 * which is what makes "iterate blocks by slot" a plain range scan.
 */
public final class Codecs {

  /** Any bytes, stored as they are. */
  public static final Codec<Bytes> BYTES =
      new Codec<>() {
        @Override
        public byte[] encode(Bytes value) {
          return value.toArrayUnsafe().clone();
        }

        @Override
        public Bytes decode(byte[] bytes) {
          return Bytes.wrap(bytes.clone());
        }
      };

  /** Exactly 32 bytes (roots and hashes). */
  public static final Codec<Bytes32> BYTES32 =
      new Codec<>() {
        @Override
        public byte[] encode(Bytes32 value) {
          return value.toArray();
        }

        @Override
        public Bytes32 decode(byte[] bytes) {
          requireLength(bytes, 32, "Bytes32");
          return Bytes32.wrap(bytes.clone());
        }
      };

  /** 8 bytes, big-endian, unsigned: sorts in numeric order. */
  public static final Codec<UInt64> UINT64 =
      new Codec<>() {
        @Override
        public byte[] encode(UInt64 value) {
          return ByteBuffer.allocate(Long.BYTES).putLong(value.bits()).array();
        }

        @Override
        public UInt64 decode(byte[] bytes) {
          requireLength(bytes, Long.BYTES, "UInt64");
          return UInt64.fromBits(ByteBuffer.wrap(bytes).getLong());
        }
      };

  /**
   * 8 bytes, big-endian, with the sign bit flipped so that negative numbers sort before positive
   * ones: byte order equals numeric order for every {@code long}.
   */
  public static final Codec<Long> LONG =
      new Codec<>() {
        @Override
        public byte[] encode(Long value) {
          return ByteBuffer.allocate(Long.BYTES).putLong(value ^ Long.MIN_VALUE).array();
        }

        @Override
        public Long decode(byte[] bytes) {
          requireLength(bytes, Long.BYTES, "Long");
          return ByteBuffer.wrap(bytes).getLong() ^ Long.MIN_VALUE;
        }
      };

  /** UTF-8 text; decoding rejects malformed UTF-8 rather than replacing characters. */
  public static final Codec<String> STRING =
      new Codec<>() {
        @Override
        public byte[] encode(String value) {
          return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
          try {
            CharBuffer chars =
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
          } catch (CharacterCodingException e) {
            throw new CodecException("Stored value is not valid UTF-8", e);
          }
        }
      };

  private Codecs() {}

  /**
   * A codec for {@code T} stored through {@code base}, e.g. {@code Slot} through {@link #UINT64}.
   * Order is preserved when {@code toBase} preserves it.
   */
  public static <T, B> Codec<T> map(Codec<B> base, Function<T, B> toBase, Function<B, T> fromBase) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(toBase, "toBase");
    Objects.requireNonNull(fromBase, "fromBase");
    return new Codec<>() {
      @Override
      public byte[] encode(T value) {
        return base.encode(toBase.apply(value));
      }

      @Override
      public T decode(byte[] bytes) {
        return fromBase.apply(base.decode(bytes));
      }
    };
  }

  static void requireLength(byte[] bytes, int expected, String type) {
    if (bytes.length != expected) {
      throw new CodecException(
          type + " needs exactly " + expected + " bytes but stored value has " + bytes.length);
    }
  }
}

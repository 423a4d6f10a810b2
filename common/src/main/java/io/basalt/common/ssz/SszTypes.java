package io.basalt.common.ssz;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The basic SSZ types and factories for the composite ones, to be imported statically when
 * declaring schemas: {@code list(UINT64, 1 << 40)}, {@code byteVector(48)}, ...
 *
 * <p>Java types: uint8 and uint16 are {@link Integer}, uint32 is {@link Long}, uint64 is {@link
 * UInt64}, uint128 and uint256 are {@link BigInteger}, boolean is {@link Boolean}.
 */
public final class SszTypes {

  private SszTypes() {}

  public static final BasicSchema<Integer> UINT8 =
      new BasicSchema<>(
          "uint8",
          1,
          (v, d, o) -> d[o] = (byte) checkRange(v, 0xFFL, "uint8"),
          (s, o) -> s[o] & 0xFF);

  public static final BasicSchema<Integer> UINT16 =
      new BasicSchema<>(
          "uint16",
          2,
          (v, d, o) -> writeLong(checkRange(v, 0xFFFFL, "uint16"), d, o, 2),
          (s, o) -> (int) readLong(s, o, 2));

  public static final BasicSchema<Long> UINT32 =
      new BasicSchema<>(
          "uint32",
          4,
          (v, d, o) -> writeLong(checkRange(v, 0xFFFF_FFFFL, "uint32"), d, o, 4),
          (s, o) -> readLong(s, o, 4));

  public static final BasicSchema<UInt64> UINT64 =
      new BasicSchema<>(
          "uint64",
          8,
          (v, d, o) -> writeLong(v.bits(), d, o, 8),
          (s, o) -> UInt64.fromBits(readLong(s, o, 8)));

  /** uint64 seen as the protocol's typed values. */
  public static final BasicSchema<Slot> SLOT = UINT64.map("Slot", Slot::new, Slot::value);

  public static final BasicSchema<Epoch> EPOCH = UINT64.map("Epoch", Epoch::new, Epoch::value);

  public static final BasicSchema<Gwei> GWEI = UINT64.map("Gwei", Gwei::new, Gwei::value);

  public static final BasicSchema<ValidatorIndex> VALIDATOR_INDEX =
      UINT64.map("ValidatorIndex", ValidatorIndex::new, ValidatorIndex::value);

  public static final BasicSchema<BigInteger> UINT128 = bigUint(128);

  public static final BasicSchema<BigInteger> UINT256 = bigUint(256);

  public static final BasicSchema<Boolean> BOOLEAN =
      new BasicSchema<>(
          "boolean",
          1,
          (v, d, o) -> d[o] = (byte) (v ? 1 : 0),
          (s, o) -> {
            int b = s[o] & 0xFF;
            if (b > 1) {
              throw new SszDecodingException("boolean byte must be 0x00 or 0x01, got " + b);
            }
            return b == 1;
          });

  public static final ByteVectorSchema<Bytes32> BYTES32 = new ByteVectorSchema<>(32, Bytes32::wrap);
  public static final ByteVectorSchema<Bytes> BYTES4 = byteVector(4);
  public static final ByteVectorSchema<Bytes> BYTES48 = byteVector(48);
  public static final ByteVectorSchema<Bytes> BYTES96 = byteVector(96);

  /** {@code ByteVector[length]} as {@link Bytes}. */
  public static ByteVectorSchema<Bytes> byteVector(int length) {
    return new ByteVectorSchema<>(length, b -> b);
  }

  /** {@code ByteList[limit]} as {@link Bytes}. */
  public static ByteListSchema byteList(long limit) {
    return new ByteListSchema(limit);
  }

  /** {@code Bitvector[length]}. */
  public static BitvectorSchema bitvector(int length) {
    return new BitvectorSchema(length);
  }

  /** {@code Bitlist[limit]}. */
  public static BitlistSchema bitlist(long limit) {
    return new BitlistSchema(limit);
  }

  /** {@code Vector[element, length]} as an immutable {@link java.util.List}. */
  public static <T> VectorSchema<T> vector(SszSchema<T> element, int length) {
    return new VectorSchema<>(element, length);
  }

  /** {@code List[element, limit]} as an immutable {@link java.util.List}. */
  public static <T> ListSchema<T> list(SszSchema<T> element, long limit) {
    return new ListSchema<>(element, limit);
  }

  private static long checkRange(long v, long max, String type) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(type + " out of range: " + v);
    }
    return v;
  }

  static void writeLong(long v, byte[] dest, int offset, int bytes) {
    for (int i = 0; i < bytes; i++) {
      dest[offset + i] = (byte) (v >>> (8 * i));
    }
  }

  static long readLong(byte[] src, int offset, int bytes) {
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = (v << 8) | (src[offset + i] & 0xFF);
    }
    return v;
  }

  private static BasicSchema<BigInteger> bigUint(int bits) {
    int size = bits / 8;
    return new BasicSchema<>(
        "uint" + bits,
        size,
        (v, d, o) -> {
          if (v.signum() < 0 || v.bitLength() > bits) {
            throw new IllegalArgumentException("uint" + bits + " out of range: " + v);
          }
          byte[] be = v.toByteArray();
          for (int i = 0; i < size; i++) {
            int src = be.length - 1 - i;
            d[o + i] = src >= 0 ? be[src] : 0;
          }
        },
        (s, o) -> {
          byte[] be = new byte[size + 1];
          for (int i = 0; i < size; i++) {
            be[size - i] = s[o + i];
          }
          return new BigInteger(be);
        });
  }
}

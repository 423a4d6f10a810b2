package io.basalt.execution.settlement;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Conversions between the ABI's unsigned integers (as {@link BigInteger}) and Java longs holding a
 * uint64 bit pattern, and 32-byte storage words.
 */
public final class Uint {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Uint() {}

  /** A uint64 held in a long (read as unsigned) as a BigInteger. */
  public static BigInteger of(long unsigned) {
    BigInteger value = BigInteger.valueOf(unsigned);
    return unsigned < 0 ? value.add(TWO_64) : value;
  }

  /** A decoded uint64 as a long holding its bit pattern. */
  public static long toLong(BigInteger uint64) {
    return uint64.longValue();
  }

  /** A uint256 storage word. */
  public static Bytes32 word(BigInteger value) {
    return Bytes32.leftPad(
        org.apache.tuweni.bytes.Bytes.wrap(value.toByteArray()).trimLeadingZeros());
  }

  /** A uint64 (unsigned long) storage word. */
  public static Bytes32 word(long unsigned) {
    return word(of(unsigned));
  }

  /** A storage word as an unsigned integer. */
  public static BigInteger big(Bytes32 word) {
    return word.toUnsignedBigInteger();
  }

  /** The low 64 bits of a storage word, as an unsigned long. */
  public static long low64(Bytes32 word) {
    return word.getLong(24);
  }
}

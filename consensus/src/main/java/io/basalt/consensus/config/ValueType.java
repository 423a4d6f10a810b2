package io.basalt.consensus.config;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Bytes4;
import java.math.BigInteger;

/**
 * How a config value is written and which Java type it becomes. Numbers are unsigned decimals
 * (underscores between digits are allowed, as in {@code 32_000_000_000}); byte strings are {@code
 * 0x}-prefixed hex of a fixed length.
 */
enum ValueType {
  UINT8("an integer 0..255"),
  INT("an integer 0..2147483647"),
  UINT64("an unsigned 64-bit integer"),
  SLOT("a number of slots (unsigned 64-bit integer)"),
  EPOCH("a number of epochs (unsigned 64-bit integer)"),
  GWEI("an amount in Gwei (unsigned 64-bit integer)"),
  BYTES4("4 bytes as 0x followed by 8 hex digits");

  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** What a value of this type looks like, for error messages. */
  String description() {
    return description;
  }

  /**
   * Converts the scalar text of a YAML value.
   *
   * @throws IllegalArgumentException with a short reason (e.g. "negative") when it does not fit
   */
  Object parse(String text) {
    return switch (this) {
      case UINT8 -> (int) unsigned(text, BigInteger.valueOf(255)).longValue();
      case INT -> (int) unsigned(text, BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
      case UINT64 -> uint64(text);
      case SLOT -> new Slot(uint64(text));
      case EPOCH -> new Epoch(uint64(text));
      case GWEI -> new Gwei(uint64(text));
      case BYTES4 -> bytes4(text);
    };
  }

  private static UInt64 uint64(String text) {
    return UInt64.valueOf(unsigned(text, MAX_UINT64));
  }

  private static BigInteger unsigned(String text, BigInteger max) {
    String trimmed = text.strip();
    if (trimmed.startsWith("-") && isDecimal(trimmed.substring(1))) {
      throw new IllegalArgumentException("negative");
    }
    if (!isDecimal(trimmed)) {
      throw new IllegalArgumentException("not a decimal number");
    }
    BigInteger value = new BigInteger(trimmed.replace("_", ""));
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException("out of range, maximum " + max);
    }
    return value;
  }

  /** Digits, optionally separated by single underscores. */
  private static boolean isDecimal(String s) {
    return s.matches("[0-9]+(_[0-9]+)*");
  }

  private static Bytes4 bytes4(String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("0[xX][0-9a-fA-F]*")) {
      throw new IllegalArgumentException("not 0x-prefixed hex");
    }
    int digits = trimmed.length() - 2;
    if (digits != 2 * Bytes4.SIZE) {
      throw new IllegalArgumentException("wrong length, " + digits + " hex digits");
    }
    return Bytes4.fromHexString("0x" + trimmed.substring(2));
  }
}

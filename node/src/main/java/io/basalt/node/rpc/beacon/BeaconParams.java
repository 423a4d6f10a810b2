package io.basalt.node.rpc.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.UInt64;
import io.basalt.node.rpc.ParamType;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * Parameter forms of the beacon namespace, which follows the beacon API: unsigned 64-bit values as
 * decimal strings (a non-negative JSON integer is accepted too), bytes as 0x hex.
 */
public final class BeaconParams {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private BeaconParams() {}

  /** A uint64: {@code "12"} or {@code 12}. */
  public static final ParamType<UInt64> UINT64 = BeaconParams::uint64;

  /** A uint64 that fits a non-negative {@code int} (indices, offsets, limits). */
  public static final ParamType<Integer> INDEX =
      node -> {
        UInt64 value = uint64(node);
        if (Long.compareUnsigned(value.bits(), Integer.MAX_VALUE) > 0) {
          throw new IllegalArgumentException("number " + value + " is too large");
        }
        return (int) value.bits();
      };

  private static UInt64 uint64(JsonNode node) {
    String text;
    if (node.isIntegralNumber()) {
      text = node.bigIntegerValue().toString();
    } else if (node.isTextual()) {
      text = node.textValue();
    } else {
      throw new IllegalArgumentException("want a decimal string");
    }
    if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a decimal uint64");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      throw new IllegalArgumentException("decimal number with leading zero digits");
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(TWO_64) >= 0) {
      throw new IllegalArgumentException("number > 64 bits");
    }
    return UInt64.valueOf(value);
  }

  /** 0x hex of exactly {@code size} bytes. */
  public static Bytes fixedHex(JsonNode node, int size, String what) {
    if (!node.isTextual() || !node.textValue().startsWith("0x")) {
      throw new IllegalArgumentException(what + " must be a 0x hex string");
    }
    String text = node.textValue();
    if (text.length() != 2 + 2 * size) {
      throw new IllegalArgumentException(what + " must be " + size + " bytes");
    }
    try {
      return Bytes.fromHexString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid hex");
    }
  }

  static String abbreviate(String text) {
    return text.length() > 24 ? text.substring(0, 24) + "…" : text;
  }
}

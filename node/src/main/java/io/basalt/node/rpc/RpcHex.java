package io.basalt.node.rpc;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * Ethereum JSON-RPC hex encodings: a QUANTITY is {@code 0x} and the shortest hex digits ({@code
 * 0x0} for zero); DATA is {@code 0x} and two hex digits per byte.
 */
public final class RpcHex {

  private RpcHex() {}

  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative quantity");
    }
    return "0x" + Long.toHexString(value);
  }

  public static String quantity(UInt64 value) {
    return "0x" + Long.toUnsignedString(value.bits(), 16);
  }

  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative quantity");
    }
    return "0x" + value.toString(16);
  }

  public static String data(Bytes bytes) {
    return bytes.toHexString();
  }
}

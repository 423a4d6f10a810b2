package io.basalt.consensus.types;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * Exactly four bytes: a fork version or a signing domain type ({@code Version} and {@code
 * DomainType} in the spec).
 */
public record Bytes4(Bytes bytes) {

  public static final int SIZE = 4;

  public Bytes4 {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("Bytes4 needs 4 bytes, got " + bytes.size());
    }
    // Copy so a caller holding the wrapped array cannot change this value later.
    bytes = bytes.copy();
  }

  /** Parses {@code 0x} followed by exactly eight hex digits. */
  public static Bytes4 fromHexString(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (!hex.startsWith("0x") || hex.length() != 2 + 2 * SIZE) {
      throw new IllegalArgumentException("Bytes4 needs 0x and 8 hex digits, got '" + hex + "'");
    }
    return new Bytes4(Bytes.fromHexString(hex));
  }

  public String toHexString() {
    return bytes.toHexString();
  }

  @Override
  public String toString() {
    return toHexString();
  }
}

package io.basalt.common.types;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.secp256k1.SecpPublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;

/**
 * A 20-byte Ethereum account address: the last 20 bytes of the Keccak-256 hash of an uncompressed
 * secp256k1 public key ({@code x || y}). One address space spans every shard.
 *
 * <p>Text form is {@code 0x} and 40 hex digits; {@link #toString()} gives the EIP-55 mixed-case
 * checksum form that wallets show.
 */
public record Address(Bytes bytes) implements Comparable<Address> {

  public static final int SIZE = 20;

  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  /**
   * @throws IllegalArgumentException if {@code bytes} is not 20 bytes long
   */
  public Address {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("An address is 20 bytes, got " + bytes.size());
    }
    bytes = Bytes.wrap(bytes.toArray()); // a private copy: the caller may reuse its array
  }

  /** The address of the account controlled by {@code publicKey}. */
  public static Address fromPublicKey(SecpPublicKey publicKey) {
    return new Address(Hash.keccak256(publicKey.toBytes()).slice(12, SIZE));
  }

  /**
   * Parses 40 hex digits, with or without {@code 0x}. All-lowercase and all-uppercase input is
   * taken as is; mixed case is an EIP-55 checksum and must be right, so a mistyped address is
   * caught.
   *
   * @throws IllegalArgumentException on a wrong length, a non-hex character or a wrong checksum
   */
  public static Address fromHexString(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() != 2 * SIZE) {
      throw new IllegalArgumentException(
          "An address is 40 hex digits, got " + digits.length() + " in '" + text + "'");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!isAsciiHexDigit(digits.charAt(i))) {
        throw new IllegalArgumentException(
            "Invalid hex character '" + digits.charAt(i) + "' in address '" + text + "'");
      }
    }
    Address address = new Address(Bytes.fromHexString(digits));
    boolean mixedCase =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.toChecksumString().substring(2).equals(digits)) {
      throw new IllegalArgumentException(
          "Invalid EIP-55 checksum in address '"
              + text
              + "': the correct mixed-case form is "
              + address.toChecksumString());
    }
    return address;
  }

  // Character.digit would also accept non-ASCII digits such as U+0663.
  private static boolean isAsciiHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Lowercase {@code 0x} and 40 hex digits. */
  public String toHexString() {
    return bytes.toHexString();
  }

  /**
   * The EIP-55 form: hex digit i is uppercase when nibble i of Keccak-256 of the lowercase hex
   * (without {@code 0x}) is 8 or more.
   */
  public String toChecksumString() {
    String lower = bytes.toUnprefixedHexString();
    byte[] hash = Hash.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(2 + lower.length()).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
      char c = lower.charAt(i);
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public int compareTo(Address other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return toChecksumString();
  }
}

package io.basalt.networking.identity;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet (multibase {@code base58btc}), used for peer ids. */
public final class Base58 {

  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    // Repeated division of the base-256 number by 58; digits come out least significant first.
    byte[] number = Arrays.copyOf(input, input.length);
    char[] digits = new char[input.length * 2];
    int out = digits.length;
    int start = zeros;
    while (start < number.length) {
      int remainder = 0;
      for (int i = start; i < number.length; i++) {
        int value = (remainder << 8) | (number[i] & 0xFF);
        number[i] = (byte) (value / 58);
        remainder = value % 58;
      }
      digits[--out] = ALPHABET[remainder];
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    for (int i = 0; i < zeros; i++) {
      digits[--out] = ALPHABET[0];
    }
    return new String(digits, out, digits.length - out);
  }

  /**
   * Decodes a base58btc string.
   *
   * @throws KeyFormatException if it contains a character outside the alphabet
   */
  public static byte[] decode(String input) {
    byte[] digits = new byte[input.length()];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new KeyFormatException("Invalid base58 character '" + c + "' at " + i);
      }
      digits[i] = (byte) digit;
    }
    int zeros = 0;
    while (zeros < digits.length && digits[zeros] == 0) {
      zeros++;
    }
    byte[] number = new byte[input.length()];
    int out = number.length;
    int start = zeros;
    while (start < digits.length) {
      int remainder = 0;
      for (int i = start; i < digits.length; i++) {
        int value = remainder * 58 + (digits[i] & 0xFF);
        digits[i] = (byte) (value / 256);
        remainder = value % 256;
      }
      number[--out] = (byte) remainder;
      while (start < digits.length && digits[start] == 0) {
        start++;
      }
    }
    while (out < number.length && number[out] == 0) {
      out++;
    }
    byte[] result = new byte[zeros + number.length - out];
    System.arraycopy(number, out, result, zeros, number.length - out);
    return result;
  }
}

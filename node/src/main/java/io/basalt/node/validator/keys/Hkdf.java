package io.basalt.node.validator.keys;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), the two halves EIP-2333 calls separately. */
final class Hkdf {

  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /** {@code HKDF-Extract(salt, ikm)}: the 32-byte pseudorandom key. */
  static byte[] extract(byte[] salt, byte[] ikm) {
    return hmac(salt, ikm);
  }

  /** {@code HKDF-Expand(prk, info, length)}, {@code length <= 255 * 32}. */
  static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF-Expand length too large: " + length);
    }
    byte[] out = new byte[length];
    byte[] previous = new byte[0];
    int written = 0;
    for (int counter = 1; written < length; counter++) {
      byte[] input = new byte[previous.length + info.length + 1];
      System.arraycopy(previous, 0, input, 0, previous.length);
      System.arraycopy(info, 0, input, previous.length, info.length);
      input[input.length - 1] = (byte) counter;
      previous = hmac(prk, input);
      int n = Math.min(HASH_LENGTH, length - written);
      System.arraycopy(previous, 0, out, written, n);
      written += n;
    }
    return out;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // An HMAC key may be empty in RFC 2104; SecretKeySpec refuses empty arrays, so pad to one
      // zero byte, which HMAC treats identically (keys are zero-padded to the block size).
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}

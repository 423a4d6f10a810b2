package io.basalt.networking.noise;

import io.basalt.common.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise SymmetricState (Noise spec section 5.2) for SHA-256: chaining key {@code ck}, handshake
 * hash {@code h} and the current cipher key.
 */
final class SymmetricState {

  private byte[] ck;
  private byte[] h;
  private CipherState cipher; // null until the first mixKey

  SymmetricState(String protocolName) {
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    h = name.length <= 32 ? Arrays.copyOf(name, 32) : Hash.sha256(name);
    ck = h.clone();
  }

  void mixHash(byte[] data) {
    h = Hash.sha256(h, data);
  }

  void mixKey(byte[] inputKeyMaterial) {
    byte[][] outputs = hkdf(ck, inputKeyMaterial);
    ck = outputs[0];
    cipher = new CipherState(outputs[1]);
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] ciphertext = cipher == null ? plaintext.clone() : cipher.encryptWithAd(h, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] plaintext = cipher == null ? ciphertext.clone() : cipher.decryptWithAd(h, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  /** The two transport keys: initiator-to-responder, then responder-to-initiator. */
  byte[][] split() {
    return hkdf(ck, new byte[0]);
  }

  byte[] handshakeHash() {
    return h.clone();
  }

  /** HKDF(chaining_key, ikm) with two outputs, as the Noise spec defines it over HMAC-SHA256. */
  static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[] first = hmac(tempKey, new byte[] {0x01});
    byte[] secondInput = Arrays.copyOf(first, 33);
    secondInput[32] = 0x02;
    byte[] second = hmac(tempKey, secondInput);
    return new byte[][] {first, second};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no HmacSHA256", e);
    }
  }
}

package io.basalt.networking.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise CipherState for ChaChaPoly: key k and nonce counter n. The 96-bit nonce is 32 zero bits
 * followed by n as a little-endian 64-bit integer; n goes up by one per message.
 *
 * <p>Not thread-safe: one direction of one connection, driven by one thread.
 */
final class CipherState {

  static final int TAG_LENGTH = 16;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private long nonce;

  CipherState(byte[] key) {
    this.key = new SecretKeySpec(key, "ChaCha20");
    try {
      this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no ChaCha20-Poly1305", e);
    }
  }

  /** The nonce the next message will use. */
  long nonce() {
    return nonce;
  }

  byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
      cipher.updateAAD(ad);
      byte[] out = cipher.doFinal(plaintext);
      nonce++;
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /**
   * @throws NoiseException if the ciphertext is too short or fails authentication
   */
  byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
    if (ciphertext.length < TAG_LENGTH) {
      throw new NoiseException("Noise ciphertext of " + ciphertext.length + " bytes has no tag");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
      cipher.updateAAD(ad);
      byte[] out = cipher.doFinal(ciphertext);
      nonce++;
      return out;
    } catch (AEADBadTagException e) {
      throw new NoiseException("Noise message failed authentication (nonce " + nonce + ")", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  /**
   * Encrypts {@code length} bytes of {@code in} into {@code out} (ciphertext and tag, {@code length
   * + 16} bytes) with empty associated data, without intermediate arrays.
   */
  void encrypt(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
      cipher.doFinal(in, inOffset, length, out, outOffset);
      nonce++;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /**
   * Decrypts {@code length} bytes (ciphertext and tag) of {@code in} into {@code out} ({@code
   * length - 16} bytes) with empty associated data.
   *
   * @throws NoiseException if the ciphertext is too short or fails authentication
   */
  void decrypt(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    if (length < TAG_LENGTH) {
      throw new NoiseException("Noise ciphertext of " + length + " bytes has no tag");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
      cipher.doFinal(in, inOffset, length, out, outOffset);
      nonce++;
    } catch (AEADBadTagException e) {
      throw new NoiseException("Noise message failed authentication (nonce " + nonce + ")", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  private IvParameterSpec nextNonce() {
    // 2^64 - 1 is reserved by the Noise spec; no connection gets anywhere near it.
    if (nonce == -1L) {
      throw new NoiseException("Noise nonce exhausted");
    }
    byte[] iv = new byte[12];
    long n = nonce;
    for (int i = 4; i < 12; i++) {
      iv[i] = (byte) n;
      n >>>= 8;
    }
    return new IvParameterSpec(iv);
  }
}

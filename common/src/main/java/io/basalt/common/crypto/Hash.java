package io.basalt.common.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** SHA-256 (from the JDK) and Keccak-256 (Ethereum's pre-standard SHA-3, from BouncyCastle). */
public final class Hash {

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("The JDK has no SHA-256", e);
            }
          });

  private Hash() {}

  public static Bytes32 sha256(Bytes input) {
    MessageDigest digest = SHA256.get();
    input.update(digest);
    return Bytes32.wrap(digest.digest());
  }

  public static byte[] sha256(byte[] input) {
    return SHA256.get().digest(input);
  }

  /** SHA-256 of {@code a || b}, the node hash of every SSZ Merkle tree. */
  public static byte[] sha256(byte[] a, byte[] b) {
    MessageDigest digest = SHA256.get();
    digest.update(a);
    digest.update(b);
    return digest.digest();
  }

  /**
   * SHA-256 of {@code length} bytes of {@code input} from {@code offset}, written into {@code out}
   * at {@code outOffset} (which may overlap the input: it is read first).
   */
  public static void sha256(byte[] input, int offset, int length, byte[] out, int outOffset) {
    MessageDigest digest = SHA256.get();
    digest.update(input, offset, length);
    try {
      digest.digest(out, outOffset, 32);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit", e);
    }
  }

  public static Bytes32 keccak256(Bytes input) {
    return Bytes32.wrap(keccak256(input.toArrayUnsafe()));
  }

  public static byte[] keccak256(byte[] input) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

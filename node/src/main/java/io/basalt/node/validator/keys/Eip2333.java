package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * EIP-2333 BLS12-381 key derivation: a master key from a seed and hardened children through the
 * Lamport construction. Stateless and thread-safe.
 */
public final class Eip2333 {

  /** EIP-2333 needs at least 256 bits of seed. */
  public static final int MIN_SEED_BYTES = 32;

  private static final int LAMPORT_CHUNKS = 255;
  private static final int CHUNK = 32;
  private static final int L = 48;
  private static final byte[] KEYGEN_SALT =
      "BLS-SIG-KEYGEN-SALT-".getBytes(StandardCharsets.US_ASCII);

  private Eip2333() {}

  /** spec: derive_master_SK */
  public static BigInteger deriveMasterSk(Bytes seed) {
    if (seed.size() < MIN_SEED_BYTES) {
      throw new IllegalArgumentException(
          "EIP-2333 seed must be at least 32 bytes, got " + seed.size());
    }
    return hkdfModR(seed.toArrayUnsafe());
  }

  /**
   * spec: derive_child_SK
   *
   * @param index an unsigned 32-bit index, {@code 0 <= index < 2^32}
   */
  public static BigInteger deriveChildSk(BigInteger parentSk, long index) {
    if (index < 0 || index > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("EIP-2333 child index out of range: " + index);
    }
    return hkdfModR(parentSkToLamportPk(parentSk, index));
  }

  /** The key at {@code path} (EIP-2334, e.g. {@code m/12381/3600/0/0/0}) below {@code seed}. */
  public static BlsSecretKey deriveKey(Bytes seed, String path) {
    BigInteger sk = deriveMasterSk(seed);
    for (long index : Eip2334.parse(path)) {
      sk = deriveChildSk(sk, index);
    }
    return BlsSecretKey.fromScalar(sk);
  }

  // spec: parent_SK_to_lamport_PK
  private static byte[] parentSkToLamportPk(BigInteger parentSk, long index) {
    byte[] salt = Bytes.ofUnsignedInt(index).toArrayUnsafe();
    byte[] ikm = i2osp(parentSk, 32);
    byte[] notIkm = new byte[ikm.length];
    for (int i = 0; i < ikm.length; i++) {
      notIkm[i] = (byte) ~ikm[i];
    }
    MessageDigest sha = sha256();
    MessageDigest compressed = sha256();
    for (byte[] ikmSide : new byte[][] {ikm, notIkm}) {
      byte[] lamport = ikmToLamportSk(ikmSide, salt);
      for (int i = 0; i < LAMPORT_CHUNKS; i++) {
        sha.update(lamport, i * CHUNK, CHUNK);
        compressed.update(sha.digest());
      }
    }
    return compressed.digest();
  }

  // spec: IKM_to_lamport_SK (the 255 chunks kept in one array)
  private static byte[] ikmToLamportSk(byte[] ikm, byte[] salt) {
    byte[] prk = Hkdf.extract(salt, ikm);
    return Hkdf.expand(prk, new byte[0], CHUNK * LAMPORT_CHUNKS);
  }

  // spec: HKDF_mod_r with key_info = ""
  private static BigInteger hkdfModR(byte[] ikm) {
    byte[] salt = KEYGEN_SALT;
    byte[] ikmPadded = Arrays.copyOf(ikm, ikm.length + 1); // IKM || I2OSP(0, 1)
    byte[] info = {0, (byte) L}; // key_info || I2OSP(L, 2)
    BigInteger sk = BigInteger.ZERO;
    while (sk.signum() == 0) {
      salt = sha256().digest(salt);
      byte[] okm = Hkdf.expand(Hkdf.extract(salt, ikmPadded), info, L);
      sk = new BigInteger(1, okm).mod(BlsSecretKey.CURVE_ORDER);
    }
    return sk;
  }

  private static byte[] i2osp(BigInteger value, int length) {
    Bytes raw = Bytes.wrap(value.toByteArray()).trimLeadingZeros();
    if (raw.size() > length) {
      throw new IllegalArgumentException("Secret key does not fit in " + length + " bytes");
    }
    return Bytes.concatenate(Bytes.wrap(new byte[length - raw.size()]), raw).toArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

package io.basalt.common.crypto.secp256k1;

import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * secp256k1 ECDSA over libsecp256k1 through ACINQ's JNI bindings.
 *
 * <p>Inputs are range-checked in Java before they reach native code, and any {@link
 * Secp256k1Exception} the bindings still raise is turned into a {@link RecoveryError} or {@code
 * false}; nothing from JNI escapes.
 */
public final class NativeSecpEcdsa implements SecpEcdsa {

  /**
   * From this r up, R.x = r for certain (r + N would be past the field), so only recovery ids 0 and
   * 1 exist.
   */
  private static final BigInteger P_MINUS_N = SecpCurve.P.subtract(SecpCurve.N);

  private final Secp256k1 lib;

  private NativeSecpEcdsa(Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * Loads the native library and checks that it works.
   *
   * @throws IllegalStateException or {@link LinkageError} if it cannot be loaded on this platform
   */
  public static NativeSecpEcdsa load() {
    Secp256k1 lib = Secp256k1.Companion.get();
    byte[] one = new byte[32];
    one[31] = 1;
    // The first real call links the JNI symbols; fail here rather than on first use.
    if (!lib.secKeyVerify(one)) {
      throw new IllegalStateException("libsecp256k1 rejected the private key 1");
    }
    return new NativeSecpEcdsa(lib);
  }

  @Override
  public SecpSignature sign(Bytes32 messageHash, SecpPrivateKey privateKey) {
    byte[] hash = messageHash.toArrayUnsafe();
    // libsecp256k1 signs with RFC 6979 nonces and always returns low s.
    byte[] compact = lib.sign(hash, privateKey.bytesUnsafe());
    byte[] publicKey = privateKey.publicKeyBytes(lib::pubkeyCreate);
    BigInteger r = new BigInteger(1, compact, 0, 32);
    BigInteger s = new BigInteger(1, compact, 32, 32);
    // The JNI exposes no recoverable signing, so find the recovery id the way a verifier would:
    // the one that recovers our own key. When R.x = r, R is one of the two points with that x, so
    // if id 0 does not recover our key, id 1 does. Ids 2 and 3 need R.x >= N (odds about 2^-128).
    if (matches(compact, hash, 0, publicKey)) {
      return new SecpSignature(r, s, 0);
    }
    if (r.compareTo(P_MINUS_N) >= 0) {
      return new SecpSignature(r, s, 1);
    }
    for (int recoveryId = 1; recoveryId < 4; recoveryId++) {
      if (matches(compact, hash, recoveryId, publicKey)) {
        return new SecpSignature(r, s, recoveryId);
      }
    }
    throw new IllegalStateException("libsecp256k1 produced a signature no recovery id recovers");
  }

  @Override
  public boolean verify(Bytes32 messageHash, SecpSignature signature, SecpPublicKey publicKey) {
    // libsecp256k1 verification rejects high s; this contract accepts it (see SecpSignature).
    byte[] compact = signature.normalized().toCompactBytes().toArrayUnsafe();
    try {
      return lib.verify(
          compact, messageHash.toArrayUnsafe(), publicKey.toUncompressedSec1().toArrayUnsafe());
    } catch (Secp256k1Exception e) {
      return false;
    }
  }

  @Override
  public RecoveryResult recoverPublicKey(
      Bytes32 messageHash, BigInteger r, BigInteger s, int recoveryId) {
    Optional<RecoveryError> rangeError = RecoveryError.check(r, s, recoveryId);
    if (rangeError.isPresent()) {
      return RecoveryResult.failed(rangeError.get());
    }
    byte[] compact = new SecpSignature(r, s, recoveryId).toCompactBytes().toArrayUnsafe();
    return recover(compact, messageHash.toArrayUnsafe(), recoveryId)
        .map(key -> RecoveryResult.recovered(SecpPublicKey.fromTrustedUncompressed(key)))
        .orElseGet(() -> RecoveryResult.failed(RecoveryError.NO_PUBLIC_KEY));
  }

  @Override
  public SecpPublicKey publicKeyOf(SecpPrivateKey privateKey) {
    return SecpPublicKey.fromTrustedUncompressed(lib.pubkeyCreate(privateKey.bytesUnsafe()));
  }

  private boolean matches(byte[] compact, byte[] hash, int recoveryId, byte[] publicKey) {
    return recover(compact, hash, recoveryId)
        .filter(recovered -> Arrays.equals(recovered, publicKey))
        .isPresent();
  }

  /** The 65-byte SEC1 key libsecp256k1 recovers, or empty where it finds none. */
  private Optional<byte[]> recover(byte[] compact, byte[] hash, int recoveryId) {
    try {
      return Optional.of(lib.ecdsaRecover(compact, hash, recoveryId));
    } catch (Secp256k1Exception e) {
      return Optional.empty();
    }
  }
}

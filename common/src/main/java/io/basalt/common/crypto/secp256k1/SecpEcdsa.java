package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * ECDSA over secp256k1 as Ethereum uses it: signing 32-byte message hashes, verification, and
 * public-key recovery.
 *
 * <p>Two implementations give identical results: {@link NativeSecpEcdsa} over libsecp256k1 (the
 * default, about 6x faster) and {@link BouncyCastleSecpEcdsa} in pure Java, used only when the
 * native library cannot be loaded on this platform. {@link #getDefault()} chooses. Both are
 * stateless and thread-safe.
 *
 * <p>No method throws on bad signature input: recovery reports a {@link RecoveryError} and
 * verification returns false.
 */
public interface SecpEcdsa {

  /** The native implementation when it loads, else the BouncyCastle one (the reason is logged). */
  static SecpEcdsa getDefault() {
    return SecpEcdsaSelector.DEFAULT;
  }

  /**
   * Signs a 32-byte message hash deterministically (RFC 6979 nonces with HMAC-SHA256, as
   * libsecp256k1 does), returning a low-s signature (EIP-2) with its recovery id.
   */
  SecpSignature sign(Bytes32 messageHash, SecpPrivateKey privateKey);

  /**
   * Whether (r, s) of {@code signature} is a valid ECDSA signature of {@code messageHash} by {@code
   * publicKey}. The recovery id is not consulted, and a high-s signature verifies like its low-s
   * twin (see {@link SecpSignature} on why EIP-2 is checked separately).
   */
  boolean verify(Bytes32 messageHash, SecpSignature signature, SecpPublicKey publicKey);

  /**
   * Recovers the public key that signed {@code messageHash} (SEC 1 v2, section 4.1.6). Inputs come
   * straight from untrusted transactions, so every invalid case is reported, not thrown: r or s
   * zero or {@code >= N}, a recovery id outside 0..3, or an r that names no curve point. Either
   * half of s is accepted (see {@link SecpSignature}).
   */
  RecoveryResult recoverPublicKey(Bytes32 messageHash, BigInteger r, BigInteger s, int recoveryId);

  /** Recovers the public key from an already-validated signature. */
  default RecoveryResult recoverPublicKey(Bytes32 messageHash, SecpSignature signature) {
    return recoverPublicKey(messageHash, signature.r(), signature.s(), signature.recoveryId());
  }

  /** The public key {@code k * G} of a private key. */
  SecpPublicKey publicKeyOf(SecpPrivateKey privateKey);
}

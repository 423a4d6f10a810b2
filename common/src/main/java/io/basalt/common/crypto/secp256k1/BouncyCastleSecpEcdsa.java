package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA in pure Java on BouncyCastle's curve arithmetic: the fallback for platforms where
 * libsecp256k1 does not load, and the independent implementation the tests check the native one
 * against. About six times slower than {@link NativeSecpEcdsa}.
 *
 * <p>Signing follows SEC 1 v2 section 4.1.3 with RFC 6979 nonces (HMAC-SHA256), so it yields the
 * same bytes as libsecp256k1; recovery follows section 4.1.6.
 */
public final class BouncyCastleSecpEcdsa implements SecpEcdsa {

  private static final BigInteger N = SecpCurve.N;
  private static final ECPoint G = SecpCurve.DOMAIN.getG();

  @Override
  public SecpSignature sign(Bytes32 messageHash, SecpPrivateKey privateKey) {
    BigInteger d = privateKey.toBigInteger();
    byte[] hash = messageHash.toArrayUnsafe();
    // The hash is exactly 256 bits, the bit length of N, so e needs no truncation (4.1.3 step 5).
    BigInteger e = new BigInteger(1, hash);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, hash);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint point = new FixedPointCombMultiplier().multiply(G, k).normalize();
      BigInteger x = point.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
      if (r.signum() == 0 || s.signum() == 0) {
        continue; // RFC 6979 section 3.4: draw the next nonce
      }
      int recoveryId =
          (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      return new SecpSignature(r, s, recoveryId).normalized();
    }
  }

  @Override
  public boolean verify(Bytes32 messageHash, SecpSignature signature, SecpPublicKey publicKey) {
    // SEC 1 v2 section 4.1.4: R = u1 G + u2 Q must have x-coordinate r (mod N).
    BigInteger e = messageHash.toUnsignedBigInteger();
    BigInteger w = signature.s().modInverse(N);
    BigInteger u1 = e.multiply(w).mod(N);
    BigInteger u2 = signature.r().multiply(w).mod(N);
    ECPoint point = ECAlgorithms.sumOfTwoMultiplies(G, u1, publicKey.toPoint(), u2).normalize();
    return !point.isInfinity()
        && point.getAffineXCoord().toBigInteger().mod(N).equals(signature.r());
  }

  @Override
  public RecoveryResult recoverPublicKey(
      Bytes32 messageHash, BigInteger r, BigInteger s, int recoveryId) {
    Optional<RecoveryError> rangeError = RecoveryError.check(r, s, recoveryId);
    if (rangeError.isPresent()) {
      return RecoveryResult.failed(rangeError.get());
    }
    // Step 1.1-1.3: R has x = r + jN and the y parity of bit 0 of the recovery id.
    BigInteger x = r.add(recoveryId >= 2 ? N : BigInteger.ZERO);
    if (x.compareTo(SecpCurve.P) >= 0) {
      return RecoveryResult.failed(RecoveryError.NO_PUBLIC_KEY);
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 | (recoveryId & 1));
    BigIntegers.asUnsignedByteArray(x, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = SecpCurve.DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return RecoveryResult.failed(RecoveryError.NO_PUBLIC_KEY);
    }
    // Step 1.4 (N R = infinity) holds for every point: the cofactor is 1.
    // Step 1.6: Q = r^-1 (s R - e G).
    BigInteger e = messageHash.toUnsignedBigInteger();
    BigInteger rInverse = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2);
    if (q.isInfinity()) {
      return RecoveryResult.failed(RecoveryError.NO_PUBLIC_KEY);
    }
    return RecoveryResult.recovered(SecpPublicKey.fromPoint(q));
  }

  @Override
  public SecpPublicKey publicKeyOf(SecpPrivateKey privateKey) {
    return SecpPublicKey.fromPoint(
        new FixedPointCombMultiplier().multiply(G, privateKey.toBigInteger()));
  }
}

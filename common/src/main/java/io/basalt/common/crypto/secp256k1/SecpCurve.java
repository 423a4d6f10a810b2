package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The secp256k1 curve constants (SEC 2, section 2.4.1). */
public final class SecpCurve {

  /** The order of the base point G: every private key and every r and s lies in [1, N-1]. */
  public static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  /** N / 2 (rounded down): EIP-2 accepts a transaction signature only when s is at most this. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  /** The field prime: curve coordinates lie in [0, P-1]. */
  public static final BigInteger P =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);

  // BouncyCastle's custom secp256k1 curve: field arithmetic specialised for this prime.
  private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");

  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(
          PARAMETERS.getCurve(), PARAMETERS.getG(), PARAMETERS.getN(), PARAMETERS.getH());

  private SecpCurve() {}

  /** Whether {@code value} is a valid scalar: 0 < value < N. */
  public static boolean isValidScalar(BigInteger value) {
    return value.signum() > 0 && value.compareTo(N) < 0;
  }
}

package io.basalt.execution.transaction;

import io.basalt.common.crypto.secp256k1.SecpCurve;
import java.math.BigInteger;

/** Signature changes a wallet would never make, to test the checks against them. */
final class SignatureTampering {

  private SignatureTampering() {}

  /** The high-s twin (r, N - s) with the parity flipped: it still recovers the same key. */
  static Eip1559Transaction highS(Eip1559Transaction tx) {
    return tx.withSignature(tx.yParity().xor(BigInteger.ONE), tx.r(), SecpCurve.N.subtract(tx.s()));
  }

  /** The high-s twin of an EIP-155 signature, with v's parity bit flipped. */
  static LegacyTransaction highS(LegacyTransaction tx) {
    BigInteger v = tx.v().testBit(0) ? tx.v().add(BigInteger.ONE) : tx.v().subtract(BigInteger.ONE);
    return tx.withSignature(v, tx.r(), SecpCurve.N.subtract(tx.s()));
  }
}

package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import java.util.Optional;

/** Why no public key could be recovered from a signature. */
public enum RecoveryError {
  R_OUT_OF_RANGE("r must be greater than zero and less than the curve order N"),
  S_OUT_OF_RANGE("s must be greater than zero and less than the curve order N"),
  INVALID_RECOVERY_ID("the recovery id must be 0, 1, 2 or 3"),
  /**
   * The inputs are in range but name no key: no curve point has the x-coordinate given by r and the
   * recovery id, or the computed key is the point at infinity.
   */
  NO_PUBLIC_KEY("no public key recovers from this signature and hash");

  private final String message;

  RecoveryError(String message) {
    this.message = message;
  }

  /** A sentence for error messages and logs. */
  public String message() {
    return message;
  }

  /** The first range error in these signature components, if any. */
  static Optional<RecoveryError> check(BigInteger r, BigInteger s, int recoveryId) {
    if (!SecpCurve.isValidScalar(r)) {
      return Optional.of(R_OUT_OF_RANGE);
    }
    if (!SecpCurve.isValidScalar(s)) {
      return Optional.of(S_OUT_OF_RANGE);
    }
    if (recoveryId < 0 || recoveryId > 3) {
      return Optional.of(INVALID_RECOVERY_ID);
    }
    return Optional.empty();
  }
}

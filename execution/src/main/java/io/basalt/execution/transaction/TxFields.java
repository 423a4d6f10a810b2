package io.basalt.execution.transaction;

import java.math.BigInteger;
import java.util.Objects;

/** Shape checks shared by the transaction constructors. */
final class TxFields {

  private TxFields() {}

  /** {@code value} after checking it is a uint256. */
  static BigInteger uint256(String name, BigInteger value) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException(name + " must be in [0, 2^256 - 1], got " + value);
    }
    return value;
  }
}

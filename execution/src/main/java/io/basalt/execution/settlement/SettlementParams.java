package io.basalt.execution.settlement;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Protocol minimums for rollups registered with the Settlement contract.
 *
 * @param minBond the least bond, in wei, a registration must send
 * @param minChallengePeriod the shortest challenge period, in slots
 */
public record SettlementParams(BigInteger minBond, long minChallengePeriod) {

  /** 1 ether and 16 slots (two epochs of the local preset). */
  public static final SettlementParams DEFAULT = new SettlementParams(BigInteger.TEN.pow(18), 16);

  public SettlementParams {
    Objects.requireNonNull(minBond, "minBond");
    if (minBond.signum() <= 0) {
      throw new IllegalArgumentException("minimum bond must be positive");
    }
    if (minChallengePeriod <= 0) {
      throw new IllegalArgumentException("minimum challenge period must be positive");
    }
  }
}

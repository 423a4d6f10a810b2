package io.basalt.execution.transaction;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.Optional;

/**
 * EIP-1559 fee arithmetic, all in wei: the base fee of the next block and what a transaction pays
 * at a given base fee. Pure functions; amounts are non-negative {@link BigInteger}s.
 */
public final class FeeMarket {

  /** The gas target is the gas limit divided by this. */
  public static final long ELASTICITY_MULTIPLIER = 2;

  /** The base fee moves by at most 1/8 per block. */
  public static final long BASE_FEE_MAX_CHANGE_DENOMINATOR = 8;

  private static final BigInteger DENOMINATOR = BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR);

  private FeeMarket() {}

  /** The gas target of a block with this gas limit. */
  public static UInt64 gasTarget(UInt64 gasLimit) {
    return gasLimit.dividedBy(ELASTICITY_MULTIPLIER);
  }

  /**
   * The base fee of the block after a parent with this base fee, gas used and gas target; up by at
   * most 1/8 (and at least 1 wei) when the parent used more than its target, down by at most 1/8
   * when it used less.
   *
   * @throws IllegalArgumentException if the gas target is zero or the base fee negative
   */
  // spec: EIP-1559 (expected base_fee_per_gas in validate_block)
  public static BigInteger nextBaseFee(
      BigInteger parentBaseFee, UInt64 parentGasUsed, UInt64 parentGasTarget) {
    if (parentGasTarget.isZero()) {
      throw new IllegalArgumentException("The parent gas target must be positive");
    }
    if (parentBaseFee.signum() < 0) {
      throw new IllegalArgumentException("A base fee is not negative, got " + parentBaseFee);
    }
    int direction = parentGasUsed.compareTo(parentGasTarget);
    if (direction == 0) {
      return parentBaseFee;
    }
    BigInteger target = parentGasTarget.toBigInteger();
    BigInteger usedDelta = parentGasUsed.toBigInteger().subtract(target).abs();
    BigInteger delta = parentBaseFee.multiply(usedDelta).divide(target).divide(DENOMINATOR);
    if (direction > 0) {
      return parentBaseFee.add(delta.max(BigInteger.ONE));
    }
    return parentBaseFee.subtract(delta);
  }

  /**
   * The priority fee per gas the proposer receives: {@code min(maxPriorityFeePerGas, maxFeePerGas -
   * baseFee)} (for legacy, {@code gasPrice - baseFee}); empty when maxFeePerGas is below the base
   * fee, so the transaction cannot be included.
   */
  public static Optional<BigInteger> effectivePriorityFee(Transaction tx, BigInteger baseFee) {
    BigInteger headroom = tx.maxFeePerGas().subtract(baseFee);
    if (headroom.signum() < 0) {
      return Optional.empty();
    }
    return Optional.of(tx.maxPriorityFeePerGas().min(headroom));
  }

  /**
   * The price per gas the sender pays: base fee plus effective priority fee; empty when
   * maxFeePerGas is below the base fee.
   */
  public static Optional<BigInteger> effectiveGasPrice(Transaction tx, BigInteger baseFee) {
    return effectivePriorityFee(tx, baseFee).map(baseFee::add);
  }

  /**
   * The balance a sender must hold to send {@code tx}: {@code gasLimit * maxFeePerGas + value}
   * (gasPrice for legacy), as Ethereum checks before execution.
   */
  public static BigInteger upfrontCost(Transaction tx) {
    return tx.gasLimit().toBigInteger().multiply(tx.maxFeePerGas()).add(tx.value());
  }
}

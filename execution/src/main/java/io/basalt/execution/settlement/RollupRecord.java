package io.basalt.execution.settlement;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A registered rollup's fixed and running facts, stored from {@code base(1, rollupId, 0)}, one
 * field per slot in this order (field numbers are the offsets).
 *
 * @param challengePeriod 0: slots from commit during which a batch may be vetoed
 * @param operatorThreshold 1: operator weight a quorum must reach
 * @param operatorCount 2: operators
 * @param operatorNonce 3: the nonce the next {@code updateOperators} must carry
 * @param challengerThreshold 4: challenger weight a veto must reach (0: no committee)
 * @param challengerCount 5: challengers
 * @param batchCount 6: batches committed, reverted ones included (the next index)
 * @param lastGoodPlus1 7: index + 1 of the newest batch not reverted, 0 if none
 * @param bond 8: the operators' bond in wei, paid to a successful equivocation challenger
 * @param escrow 9: deposited wei not yet withdrawn
 * @param depositCount 10: deposits (the next deposit nonce)
 * @param frozen 11: 1 after proven equivocation: no commits, deposits or withdrawals
 */
public record RollupRecord(
    long challengePeriod,
    long operatorThreshold,
    int operatorCount,
    long operatorNonce,
    long challengerThreshold,
    int challengerCount,
    long batchCount,
    long lastGoodPlus1,
    BigInteger bond,
    BigInteger escrow,
    long depositCount,
    boolean frozen) {

  public static final int FIELDS = 12;

  public RollupRecord {
    Objects.requireNonNull(bond, "bond");
    Objects.requireNonNull(escrow, "escrow");
  }

  public RollupRecord withOperators(int count, long threshold, long nonce) {
    return new RollupRecord(
        challengePeriod,
        threshold,
        count,
        nonce,
        challengerThreshold,
        challengerCount,
        batchCount,
        lastGoodPlus1,
        bond,
        escrow,
        depositCount,
        frozen);
  }

  public RollupRecord withBatches(long count, long lastGood) {
    return new RollupRecord(
        challengePeriod,
        operatorThreshold,
        operatorCount,
        operatorNonce,
        challengerThreshold,
        challengerCount,
        count,
        lastGood,
        bond,
        escrow,
        depositCount,
        frozen);
  }

  public RollupRecord withEscrow(BigInteger newEscrow, long newDepositCount) {
    return new RollupRecord(
        challengePeriod,
        operatorThreshold,
        operatorCount,
        operatorNonce,
        challengerThreshold,
        challengerCount,
        batchCount,
        lastGoodPlus1,
        bond,
        newEscrow,
        newDepositCount,
        frozen);
  }

  /** Frozen, its bond paid out. */
  public RollupRecord slashed() {
    return new RollupRecord(
        challengePeriod,
        operatorThreshold,
        operatorCount,
        operatorNonce,
        challengerThreshold,
        challengerCount,
        batchCount,
        lastGoodPlus1,
        BigInteger.ZERO,
        escrow,
        depositCount,
        true);
  }
}

package io.basalt.execution.settlement;

import io.basalt.common.crypto.Hash;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where the Settlement contract keeps its records in its account's storage (docs/settlement.md).
 * Every record is a run of consecutive slots from a base {@code base(tag, a, b) =
 * keccak256(uint256(tag) ‖ uint256(a) ‖ uint256(b))}; slot 0 holds the number of rollups.
 *
 * <pre>
 * rollup r field f        base(1, r, 0) + f       (fields: {@link RollupRecord})
 * operator i of r         base(2, r, i) + 0..2    (pubkey bytes 0..31, pubkey bytes 32..47
 *                                                  left-aligned, weight)
 * challenger i of r       base(3, r, i) + 0..2    (as operators)
 * batch k of r field f    base(4, r, k) + f       (fields: {@link BatchRecord})
 * deposit accumulator n   base(5, r, n)           (after deposit n)
 * withdrawal spent        base(6, r, nonce)       (1 once paid)
 * </pre>
 */
public final class SettlementSlots {

  public static final Bytes32 ROLLUP_COUNT = Bytes32.ZERO;

  static final int TAG_ROLLUP = 1;
  static final int TAG_OPERATOR = 2;
  static final int TAG_CHALLENGER = 3;
  static final int TAG_BATCH = 4;
  static final int TAG_DEPOSIT_ACC = 5;
  static final int TAG_SPENT = 6;

  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

  private SettlementSlots() {}

  /** {@code base(tag, a, b) + offset}. */
  public static Bytes32 slot(int tag, long a, long b, int offset) {
    Bytes32 base = Hash.keccak256(Bytes.concatenate(Uint.word(tag), Uint.word(a), Uint.word(b)));
    if (offset == 0) {
      return base;
    }
    return Uint.word(base.toUnsignedBigInteger().add(BigInteger.valueOf(offset)).mod(MOD));
  }

  public static Bytes32 rollup(long rollupId, int field) {
    return slot(TAG_ROLLUP, rollupId, 0, field);
  }

  public static Bytes32 batch(long rollupId, long batchIndex, int field) {
    return slot(TAG_BATCH, rollupId, batchIndex, field);
  }

  public static Bytes32 depositAccumulator(long rollupId, long nonce) {
    return slot(TAG_DEPOSIT_ACC, rollupId, nonce, 0);
  }

  public static Bytes32 spent(long rollupId, long withdrawalNonce) {
    return slot(TAG_SPENT, rollupId, withdrawalNonce, 0);
  }
}

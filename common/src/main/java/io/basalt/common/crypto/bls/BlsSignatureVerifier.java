package io.basalt.common.crypto.bls;

import java.util.List;

/**
 * Checks signature sets. Processors take one of these instead of calling {@link Bls} directly, so a
 * block or a batch of gossip can be checked one by one ({@link #simple()}), with random-scalar
 * batching ({@link BlsBatchVerifier}), or not at all in tests ({@link #noOp()}).
 *
 * <p>Implementations are thread-safe.
 */
public interface BlsSignatureVerifier {

  /** True only if every set is valid; false for an empty list (nothing was proven). */
  boolean verify(List<BlsSignatureSet> sets);

  default boolean verify(BlsSignatureSet set) {
    return verify(List.of(set));
  }

  /** Verifies each set on its own. */
  static BlsSignatureVerifier simple() {
    return sets -> !sets.isEmpty() && sets.stream().allMatch(BlsSignatureSet::verify);
  }

  /** Accepts everything: for tests that are not about signatures. */
  static BlsSignatureVerifier noOp() {
    return sets -> true;
  }
}

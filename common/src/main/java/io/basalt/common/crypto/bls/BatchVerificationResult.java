package io.basalt.common.crypto.bls;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Outcome of a batch check: whether every set was valid and, per set in input order, whether it
 * was. When the batch passed, every entry is true without any set having been checked alone.
 */
public record BatchVerificationResult(boolean allValid, List<Boolean> perSet) {

  public BatchVerificationResult {
    perSet = List.copyOf(perSet);
  }

  /** Positions of the invalid sets, ascending. */
  public List<Integer> invalidIndices() {
    return IntStream.range(0, perSet.size()).filter(i -> !perSet.get(i)).boxed().toList();
  }
}

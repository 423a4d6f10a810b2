package io.basalt.consensus.helpers;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Shuffles a whole list with swap-or-not in {@code O(rounds * n)} time, computing each source hash
 * once per round for every 256 positions instead of once per position and round.
 *
 * <p>The result equals the spec's {@code [indices[compute_shuffled_index(i, n, seed)] for i in
 * range(n)]}. Each round of {@code compute_shuffled_index} swaps pairs of positions whose sum is
 * the pivot (mod n); every pair is swapped or not by the bit of its larger position. Because the
 * per-index function applies rounds 0, 1, ... to an index, the list must receive them in reverse
 * order: the last round first.
 */
public final class ListShuffler {

  private final int roundCount;

  /**
   * @param roundCount SHUFFLE_ROUND_COUNT, 0..255
   */
  public ListShuffler(int roundCount) {
    if (roundCount < 0 || roundCount > 255) {
      throw new IllegalArgumentException("Round count must be 0..255, got " + roundCount);
    }
    this.roundCount = roundCount;
  }

  /** A new array holding {@code indices} in shuffled order; {@code indices} is not changed. */
  public int[] shuffle(int[] indices, Bytes32 seed) {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(seed, "seed");
    int[] list = indices.clone();
    int n = list.length;
    if (n <= 1) {
      return list;
    }
    for (int round = roundCount - 1; round >= 0; round--) {
      int pivot = SwapOrNot.pivot(seed, round, n);
      // Pairs i + j == pivot lie in [0, pivot]; pairs i + j == pivot + n lie in (pivot, n).
      swapMirroredPairs(list, seed, round, 0, pivot);
      swapMirroredPairs(list, seed, round, pivot + 1, n - 1);
    }
    return list;
  }

  /** Walks i up from {@code low} and j down from {@code high}, swapping when j's bit is set. */
  private static void swapMirroredPairs(int[] list, Bytes32 seed, int round, int low, int high) {
    int i = low;
    int j = high;
    int block = -1;
    byte[] source = null;
    while (i < j) {
      int jBlock = j / SwapOrNot.POSITIONS_PER_SOURCE;
      if (jBlock != block) {
        block = jBlock;
        source = SwapOrNot.source(seed, round, block);
      }
      // Branch-free conditional swap: the bits are random, so a branch mispredicts half the time.
      int mask = -SwapOrNot.bitValue(source, j);
      int a = list[i];
      int b = list[j];
      int difference = (a ^ b) & mask;
      list[i] = a ^ difference;
      list[j] = b ^ difference;
      i++;
      j--;
    }
  }
}

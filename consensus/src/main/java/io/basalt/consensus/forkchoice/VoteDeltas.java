package io.basalt.consensus.forkchoice;

import java.util.BitSet;

/**
 * Turns vote and balance changes into per-node weight deltas for {@link
 * ProtoArray#applyScoreChanges}: a validator whose vote moved, or whose balance changed, takes its
 * old balance off its old block and puts its new balance on its new one. Unchanged validators cost
 * two array reads. O(validators), no allocation beyond the result.
 */
public final class VoteDeltas {

  private VoteDeltas() {}

  /**
   * Computes the deltas and marks every validator's next vote as current.
   *
   * <p>An equivocating validator (one caught by an attester slashing) has its current weight taken
   * off and its vote cleared for good: spec {@code get_weight} skips {@code
   * store.equivocating_indices}, and {@link ForkChoice} stops recording its votes.
   *
   * @param votes the latest messages; updated in place
   * @param nodeIndexByRootId node index per root id ({@link VoteTracker#nodeIndicesByRootId}),
   *     {@code -1} for blocks no longer in the proto-array, whose votes add and remove nothing
   * @param nodeCount the proto-array's size
   * @param oldBalances Gwei per validator applied at the previous computation
   * @param newBalances Gwei per validator to apply now (zero beyond either array's end)
   * @param equivocating validator indices known to have equivocated
   * @return Gwei delta per node index
   */
  public static long[] computeDeltas(
      VoteTracker votes,
      int[] nodeIndexByRootId,
      int nodeCount,
      long[] oldBalances,
      long[] newBalances,
      BitSet equivocating) {
    long[] deltas = new long[nodeCount];
    int[] current = votes.currentRootIds();
    int[] next = votes.nextRootIds();
    int count = votes.validatorCount();
    boolean anyEquivocating = !equivocating.isEmpty();
    for (int v = 0; v < count; v++) {
      int currentId = current[v];
      int nextId = next[v];
      long oldBalance = v < oldBalances.length ? oldBalances[v] : 0;
      if (anyEquivocating && equivocating.get(v)) {
        if (currentId != VoteTracker.NO_ROOT) {
          subtract(deltas, nodeIndexByRootId[currentId], oldBalance);
          current[v] = VoteTracker.NO_ROOT;
        }
        next[v] = VoteTracker.NO_ROOT;
        continue;
      }
      long newBalance = v < newBalances.length ? newBalances[v] : 0;
      if (currentId == nextId && oldBalance == newBalance) {
        continue;
      }
      if (currentId != VoteTracker.NO_ROOT) {
        subtract(deltas, nodeIndexByRootId[currentId], oldBalance);
      }
      if (nextId != VoteTracker.NO_ROOT) {
        int nodeIndex = nodeIndexByRootId[nextId];
        if (nodeIndex >= 0) {
          deltas[nodeIndex] += newBalance;
        }
      }
      current[v] = nextId;
    }
    return deltas;
  }

  private static void subtract(long[] deltas, int nodeIndex, long balance) {
    if (nodeIndex >= 0) {
      deltas[nodeIndex] -= balance;
    }
  }
}

package io.basalt.consensus.forkchoice;

import static io.basalt.consensus.forkchoice.Roots.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class VoteDeltasTest {

  final VoteTracker votes = new VoteTracker();

  /** Root n is node n. */
  int[] identity() {
    return votes.nodeIndicesByRootId(r -> (int) r.toLong());
  }

  long[] deltas(long[] oldBalances, long[] newBalances, BitSet equivocating) {
    return VoteDeltas.computeDeltas(votes, identity(), 4, oldBalances, newBalances, equivocating);
  }

  @Test
  void shouldMoveBalanceFromOldVoteToNewVote() {
    votes.processAttestation(0, root(1), 0);
    votes.processAttestation(1, root(1), 0);
    assertThat(deltas(new long[0], new long[] {5, 7}, new BitSet())).containsExactly(0, 12, 0, 0);

    votes.processAttestation(0, root(3), 1);
    assertThat(deltas(new long[] {5, 7}, new long[] {5, 7}, new BitSet()))
        .containsExactly(0, -5, 0, 5);
    assertThat(votes.currentRoot(0)).contains(root(3));
  }

  @Test
  void shouldApplyBalanceChangesOfUnmovedVotes() {
    votes.processAttestation(0, root(2), 0);
    deltas(new long[0], new long[] {10}, new BitSet());
    assertThat(deltas(new long[] {10}, new long[] {4}, new BitSet())).containsExactly(0, 0, -6, 0);
    assertThat(deltas(new long[] {4}, new long[0], new BitSet())).containsExactly(0, 0, -4, 0);
  }

  @Test
  void shouldRemoveEquivocatingWeightOnce() {
    votes.processAttestation(0, root(1), 0);
    votes.processAttestation(1, root(1), 0);
    long[] balances = {3, 4};
    deltas(new long[0], balances, new BitSet());
    BitSet equivocating = new BitSet();
    equivocating.set(0);
    assertThat(deltas(balances, balances, equivocating)).containsExactly(0, -3, 0, 0);
    assertThat(deltas(balances, balances, equivocating)).containsExactly(0, 0, 0, 0);
    assertThat(votes.currentRoot(0)).isEmpty();
  }

  @Test
  void shouldIgnoreVotesForBlocksNoLongerHeld() {
    votes.processAttestation(0, root(1), 0);
    int[] gone = {-1};
    assertThat(VoteDeltas.computeDeltas(votes, gone, 2, new long[0], new long[] {9}, new BitSet()))
        .containsExactly(0, 0);
  }
}

package io.basalt.consensus.forkchoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.consensus.forkchoice.ForkChoiceException.Kind;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The proto-array's head equals a naive, recursive LMD-GHOST computed from scratch, over random
 * trees, votes, balances, boosts, equivocations and justification, through several rounds of
 * incremental score changes.
 */
class ProtoArrayGhostPropertyTest {

  /** A random block tree; node 0 is the justified root, parents come before children. */
  record Tree(int[] parent, long[] slot, Bytes32[] roots, long[] justifiedEpoch) {
    int size() {
      return parent.length;
    }

    boolean inSubtree(int ancestor, int node) {
      for (int n = node; n != -1; n = parent[n]) {
        if (n == ancestor) {
          return true;
        }
      }
      return false;
    }
  }

  /** One round's inputs as the naive rule sees them. */
  record Round(
      int[] votes,
      long[] balances,
      BitSet equivocating,
      int boostNode,
      long boostScore,
      long storeJustified,
      long currentEpoch) {}

  @Property(tries = 500)
  void findHeadShouldEqualNaiveGhost(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int nodeCount,
      @ForAll @IntRange(min = 1, max = 30) int validatorCount)
      throws ForkChoiceException {
    Random random = new Random(seed);
    Tree tree = randomTree(random, nodeCount);
    ProtoArray array = new ProtoArray(8, 0, checkpoint(0, tree), checkpoint(0, tree));
    for (int i = 0; i < nodeCount; i++) {
      array.onBlock(
          Slot.of(tree.slot[i]),
          tree.roots[i],
          i == 0 ? Optional.empty() : Optional.of(tree.roots[tree.parent[i]]),
          Optional.empty(),
          checkpoint(tree.justifiedEpoch[i], tree),
          checkpoint(0, tree));
    }
    VoteTracker votes = new VoteTracker();
    int[] latest = new int[validatorCount];
    java.util.Arrays.fill(latest, -1);
    BitSet equivocating = new BitSet();
    long[] applied = new long[0];
    for (int epoch = 0; epoch < 4; epoch++) {
      for (int v = 0; v < validatorCount; v++) {
        if (random.nextInt(3) > 0) {
          latest[v] = random.nextInt(nodeCount);
          votes.processAttestation(v, tree.roots[latest[v]], epoch);
        }
      }
      if (epoch > 0 && random.nextInt(3) == 0) {
        equivocating.set(random.nextInt(validatorCount));
      }
      long[] balances = new long[validatorCount];
      for (int v = 0; v < validatorCount; v++) {
        balances[v] = random.nextInt(4);
      }
      int boostNode = random.nextInt(3) == 0 ? random.nextInt(nodeCount) : -1;
      Round round =
          new Round(
              latest.clone(),
              balances,
              (BitSet) equivocating.clone(),
              boostNode,
              random.nextInt(6),
              random.nextInt(3),
              random.nextInt(5));

      long[] deltas =
          VoteDeltas.computeDeltas(
              votes,
              votes.nodeIndicesByRootId(array::indexOf),
              nodeCount,
              applied,
              balances,
              equivocating);
      applied = balances;
      ProposerBoost boost =
          boostNode < 0
              ? ProposerBoost.NONE
              : ProposerBoost.of(tree.roots[boostNode], Gwei.of(round.boostScore));
      array.applyScoreChanges(
          deltas,
          checkpoint(round.storeJustified, tree),
          checkpoint(0, tree),
          Epoch.of(round.currentEpoch),
          boost);

      for (int i = 0; i < nodeCount; i++) {
        assertThat(array.nodeAt(i).weight().value().longValue())
            .as("weight of node %d", i)
            .isEqualTo(naiveWeight(tree, round, i));
      }
      Optional<Integer> expected = naiveHead(tree, round);
      if (expected.isPresent()) {
        assertThat(array.findHead(tree.roots[0])).isEqualTo(tree.roots[expected.get()]);
      } else {
        assertThatThrownBy(() -> array.findHead(tree.roots[0]))
            .isInstanceOfSatisfying(
                ForkChoiceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.HEAD_NOT_VIABLE));
      }
    }
  }

  private static Checkpoint checkpoint(long epoch, Tree tree) {
    return new Checkpoint(Epoch.of(epoch), tree.roots[0]);
  }

  private static Tree randomTree(Random random, int n) {
    int[] parent = new int[n];
    long[] slot = new long[n];
    Bytes32[] roots = new Bytes32[n];
    long[] justified = new long[n];
    parent[0] = -1;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        parent[i] = random.nextInt(i);
        slot[i] = slot[parent[i]] + 1 + random.nextInt(3);
      }
      // Few distinct first bytes so that equal weights fall back on the root comparison.
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      bytes[0] = (byte) (random.nextInt(3) * 0x70);
      roots[i] = Bytes32.wrap(bytes);
      justified[i] = random.nextInt(3);
    }
    return new Tree(parent, slot, roots, justified);
  }

  // --- The naive rule: weights from scratch, then a walk from the justified root. ---

  private static long naiveWeight(Tree tree, Round round, int node) {
    long weight = 0;
    for (int v = 0; v < round.votes.length; v++) {
      if (round.votes[v] >= 0
          && !round.equivocating.get(v)
          && tree.inSubtree(node, round.votes[v])) {
        weight += round.balances[v];
      }
    }
    if (round.boostNode >= 0 && tree.inSubtree(node, round.boostNode)) {
      weight += round.boostScore;
    }
    return weight;
  }

  private static boolean viable(Tree tree, Round round, int node) {
    long epoch = tree.justifiedEpoch[node];
    return round.storeJustified == 0
        || epoch == round.storeJustified
        || epoch + 2 >= round.currentEpoch;
  }

  /** A subtree may hold the head when some block in it is viable. */
  private static boolean eligible(Tree tree, Round round, int node) {
    if (viable(tree, round, node)) {
      return true;
    }
    for (int child : children(tree, node)) {
      if (eligible(tree, round, child)) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> children(Tree tree, int node) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      if (tree.parent[i] == node) {
        result.add(i);
      }
    }
    return result;
  }

  private static Optional<Integer> naiveHead(Tree tree, Round round) {
    if (!eligible(tree, round, 0)) {
      return Optional.empty();
    }
    int head = 0;
    while (true) {
      Integer best = null;
      for (int child : children(tree, head)) {
        if (!eligible(tree, round, child)) {
          continue;
        }
        if (best == null || heavier(tree, round, child, best)) {
          best = child;
        }
      }
      if (best == null) {
        return Optional.of(head);
      }
      head = best;
    }
  }

  private static boolean heavier(Tree tree, Round round, int a, int b) {
    long weightA = naiveWeight(tree, round, a);
    long weightB = naiveWeight(tree, round, b);
    if (weightA != weightB) {
      return weightA > weightB;
    }
    return new java.math.BigInteger(1, tree.roots[a].toArrayUnsafe())
            .compareTo(new java.math.BigInteger(1, tree.roots[b].toArrayUnsafe()))
        > 0;
  }
}

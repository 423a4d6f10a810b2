package io.basalt.consensus.forkchoice;

import static io.basalt.consensus.forkchoice.Roots.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.consensus.forkchoice.ForkChoiceException.Kind;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtoArrayTest {

  static final Checkpoint GENESIS = new Checkpoint(Epoch.ZERO, root(0));

  final ProtoArray array = new ProtoArray(8, 0, GENESIS, GENESIS);

  void add(long slot, long root, long parent) {
    array.onBlock(
        Slot.of(slot), root(root), Optional.of(root(parent)), Optional.empty(), GENESIS, GENESIS);
  }

  /** genesis(0) -> 1(slot 1) -> 2(slot 4) -> 3(slot 5); 1 -> 4(slot 6). */
  void buildTree() {
    array.onBlock(Slot.ZERO, root(0), Optional.empty(), Optional.empty(), GENESIS, GENESIS);
    add(1, 1, 0);
    add(4, 2, 1);
    add(5, 3, 2);
    add(6, 4, 1);
  }

  void apply(long... deltas) throws ForkChoiceException {
    array.applyScoreChanges(deltas, GENESIS, GENESIS, Epoch.ZERO, ProposerBoost.NONE);
  }

  @Test
  void shouldPropagateDeltasToAncestorsAndPickHeaviestLeaf() throws Exception {
    buildTree();
    apply(0, 0, 0, 5, 7);
    assertThat(array.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(12));
    assertThat(array.node(root(0)).orElseThrow().weight()).isEqualTo(Gwei.of(12));
    assertThat(array.findHead(root(0))).isEqualTo(root(4));

    apply(0, 0, 0, 3, -2);
    assertThat(array.findHead(root(0))).isEqualTo(root(3));
    assertThat(array.findHead(root(2))).isEqualTo(root(3));
  }

  @Test
  void shouldApplyAndWithdrawProposerBoost() throws Exception {
    buildTree();
    array.applyScoreChanges(
        new long[5], GENESIS, GENESIS, Epoch.ZERO, ProposerBoost.of(root(2), Gwei.of(9)));
    assertThat(array.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(9));
    assertThat(array.findHead(root(0))).isEqualTo(root(3));
    apply(0, 0, 0, 0, 0);
    assertThat(array.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.ZERO);
  }

  @Test
  void shouldRejectDeltasOfWrongLength() {
    buildTree();
    assertThatThrownBy(() -> apply(1, 2))
        .isInstanceOfSatisfying(
            ForkChoiceException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.DELTAS_LENGTH_MISMATCH));
  }

  @Test
  void shouldRejectNegativeWeight() {
    buildTree();
    assertThatThrownBy(() -> apply(0, 0, 0, -1, 0))
        .isInstanceOfSatisfying(
            ForkChoiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.WEIGHT_UNDERFLOW));
  }

  @Test
  void shouldRejectUnknownJustifiedRoot() {
    buildTree();
    assertThatThrownBy(() -> array.findHead(root(77)))
        .isInstanceOfSatisfying(
            ForkChoiceException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_JUSTIFIED_ROOT));
    assertThatThrownBy(() -> array.maybePrune(root(77)))
        .isInstanceOfSatisfying(
            ForkChoiceException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FINALIZED_ROOT));
  }

  @Test
  void shouldFindAncestorsAcrossSkippedSlots() {
    buildTree();
    assertThat(array.ancestorAtSlot(root(3), Slot.of(3))).contains(root(1));
    assertThat(array.ancestorAtSlot(root(3), Slot.of(4))).contains(root(2));
    assertThat(array.ancestorAtSlot(root(3), Slot.of(9))).contains(root(3));
    assertThat(array.ancestorAtSlot(root(9), Slot.of(1))).isEmpty();
    assertThat(array.isDescendant(root(1), root(3))).isTrue();
    assertThat(array.isDescendant(root(3), root(3))).isTrue();
    assertThat(array.isDescendant(root(2), root(4))).isFalse();
    assertThat(array.isDescendant(root(3), root(1))).isFalse();
  }

  @Test
  void shouldNotBeViableWhenChainMissesFinalizedBlock() throws Exception {
    buildTree();
    apply(0, 0, 0, 1, 5);
    Checkpoint finalized = new Checkpoint(Epoch.of(0), root(2));
    // Finalized epoch 0 is the genesis epoch: every block is viable.
    array.applyScoreChanges(new long[5], GENESIS, finalized, Epoch.ZERO, ProposerBoost.NONE);
    assertThat(array.findHead(root(0))).isEqualTo(root(4));

    ProtoArray later = new ProtoArray(4, 0, GENESIS, GENESIS);
    later.onBlock(Slot.ZERO, root(0), Optional.empty(), Optional.empty(), GENESIS, GENESIS);
    for (long[] b : new long[][] {{1, 1, 0}, {4, 2, 1}, {5, 3, 2}, {6, 4, 1}}) {
      later.onBlock(
          Slot.of(b[0]), root(b[1]), Optional.of(root(b[2])), Optional.empty(), GENESIS, GENESIS);
    }
    // Epoch 1 starts at slot 4, where block 2 is: the branch through 4 does not hold it.
    Checkpoint epochOne = new Checkpoint(Epoch.of(1), root(2));
    later.applyScoreChanges(
        new long[] {0, 0, 0, 1, 5}, GENESIS, epochOne, Epoch.of(1), ProposerBoost.NONE);
    assertThat(later.findHead(root(0))).isEqualTo(root(3));
    assertThat(later.isViableForHead(later.node(root(4)).orElseThrow())).isFalse();
  }

  @Test
  void pruneShouldReindexNodesAndKeepLinks() throws Exception {
    buildTree();
    apply(0, 0, 0, 5, 7);
    assertThat(array.maybePrune(root(1))).isTrue();
    assertThat(array.size()).isEqualTo(4);
    for (int i = 0; i < array.size(); i++) {
      assertThat(array.indexOf(array.nodeAt(i).root())).isEqualTo(i);
    }
    assertThat(array.indexOf(root(0))).isEqualTo(-1);
    assertThat(array.nodeAt(0).parentIndex()).isEmpty();
    assertThat(array.node(root(3)).orElseThrow().parentIndex()).contains(array.indexOf(root(2)));
    assertThat(array.findHead(root(1))).isEqualTo(root(4));
    apply(0, 0, 6, 0);
    assertThat(array.findHead(root(1))).isEqualTo(root(3));
  }

  @Test
  void pruneShouldWaitForThreshold() throws Exception {
    ProtoArray patient = new ProtoArray(8, 3, GENESIS, GENESIS);
    patient.onBlock(Slot.ZERO, root(0), Optional.empty(), Optional.empty(), GENESIS, GENESIS);
    patient.onBlock(Slot.of(1), root(1), Optional.of(root(0)), Optional.empty(), GENESIS, GENESIS);
    patient.onBlock(Slot.of(2), root(2), Optional.of(root(1)), Optional.empty(), GENESIS, GENESIS);
    assertThat(patient.maybePrune(root(2))).isFalse();
    assertThat(patient.size()).isEqualTo(3);
  }
}

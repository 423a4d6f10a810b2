package io.basalt.common.ssz.view;

import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.proof.MerkleProofs;
import io.basalt.common.ssz.tree.GIndex;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Pruning the front of a list keeps its root, frees the pruned elements, and keeps appends, reads
 * and proofs of the rest working; a pruned view is rebuilt from its pruned roots and kept elements.
 */
class ListViewPruningTest {

  private static final ListSchema<Validator> VALIDATORS = list(Validator.SSZ, 1L << 32);

  private static ListView<Validator> validators(int from, int count) {
    List<Validator> values = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      values.add(Validator.sample(i));
    }
    return ListView.of(VALIDATORS, values);
  }

  @Property(tries = 60)
  void pruningKeepsTheRootAndRestoringGivesTheSameView(
      @ForAll @IntRange(min = 0, max = 70) int size, @ForAll @IntRange(min = 0, max = 70) int cut) {
    int count = Math.min(cut, size) & ~1; // pruning works on pairs
    ListView<Validator> full = validators(0, size);
    ListView<Validator> pruned = full.prunedBefore(Math.min(cut, size));

    assertThat(pruned.hashTreeRoot()).isEqualTo(full.hashTreeRoot());
    assertThat(pruned.size()).isEqualTo(size);
    assertThat(pruned.prunedCount()).isEqualTo(count);
    assertThat(pruned.keptElements()).isEqualTo(full.toList().subList(count, size));
    // One root per set bit of the count: the largest complete subtrees of pruned elements.
    assertThat(pruned.prunedRoots()).hasSize(Long.bitCount(count));

    ListView<Validator> restored =
        ListView.restore(VALIDATORS, count, pruned.prunedRoots(), pruned.keptElements());
    // Read back from its tree (as inside a vector or container), the view knows what is pruned.
    ListView<Validator> reread = ListView.fromTree(VALIDATORS, pruned.root());
    assertThat(reread.prunedCount()).isEqualTo(count);
    assertThat(reread.prunedRoots()).isEqualTo(pruned.prunedRoots());
    assertThat(ListView.fromTree(VALIDATORS, full.root()).prunedCount()).isZero();
    assertThat(restored.hashTreeRoot()).isEqualTo(full.hashTreeRoot());
    assertThat(restored.append(Validator.sample(999)).hashTreeRoot())
        .isEqualTo(full.append(Validator.sample(999)).hashTreeRoot());
  }

  @Test
  void appendsAndReadsPastThePrunedPartWork() {
    ListView<Validator> full = validators(0, 21);
    ListView<Validator> pruned = full.prunedBefore(13);
    for (int i = 21; i < 40; i++) {
      full = full.append(Validator.sample(i));
      pruned = pruned.append(Validator.sample(i));
    }
    assertThat(pruned.hashTreeRoot()).isEqualTo(full.hashTreeRoot());
    assertThat(pruned.get(13)).isEqualTo(Validator.sample(13));
    assertThat(pruned.set(20, Validator.sample(7)).hashTreeRoot())
        .isEqualTo(full.set(20, Validator.sample(7)).hashTreeRoot());
    // A kept element still has its branch.
    long gindex = GIndex.atDepth(VALIDATORS.dataDepth() + 1, 30); // under the data subtree
    assertThat(MerkleProofs.branch(pruned.root(), gindex))
        .isEqualTo(MerkleProofs.branch(full.root(), gindex));
  }

  @Test
  void anOddCountLeavesItsLastElement() {
    ListView<Validator> pruned = validators(0, 10).prunedBefore(5);
    assertThat(pruned.prunedCount()).isEqualTo(4);
    assertThat(pruned.get(4)).isEqualTo(Validator.sample(4));
  }

  @Test
  void prunedElementsCannotBeReadOrChanged() {
    ListView<Validator> pruned = validators(0, 10).prunedBefore(4);
    assertThatThrownBy(() -> pruned.get(3)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pruned.set(0, Validator.sample(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(pruned::toList).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pruned.updated(b -> b.set(1, Validator.sample(1))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(pruned.get(4)).isEqualTo(Validator.sample(4));
  }

  @Test
  void pruningLessThanBeforeChangesNothingAndTheCountIsChecked() {
    ListView<Validator> pruned = validators(0, 10).prunedBefore(6);
    assertThat(pruned.prunedBefore(2)).isSameAs(pruned);
    assertThat(pruned.prunedBefore(8).prunedCount()).isEqualTo(8);
    assertThatThrownBy(() -> pruned.prunedBefore(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListView.of(list(UINT64, 64), List.of(UInt64.ONE)).prunedBefore(1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ListView.restore(VALIDATORS, 7, pruned.prunedRoots(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

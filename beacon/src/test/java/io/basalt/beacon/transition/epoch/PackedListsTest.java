package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Gwei;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk read and bottom-up rewrite of packed lists equal the element-wise ones. */
class PackedListsTest {

  private static final BeaconSchemas SCHEMAS = new BeaconSchemas(TestStates.LOCAL);

  private static ListView<Gwei> balances(long[] values) {
    List<Gwei> list = new ArrayList<>();
    for (long v : values) {
      list.add(Gwei.of(v));
    }
    return SCHEMAS.balances().of(list);
  }

  @Test
  void shouldReadBackWhatWasWritten() {
    long[] values = {1, 2, 3, 4, 5, Long.MAX_VALUE, 7};
    assertThat(PackedLists.readUInt64s(balances(values))).containsExactly(values);
  }

  @Test
  void shouldRebuildToTheSameRootAsAFreshList() {
    long[] before = new long[1001];
    long[] after = new long[1001];
    for (int i = 0; i < before.length; i++) {
      before[i] = 32_000_000_000L + i;
      after[i] = i % 7 == 0 ? before[i] + 1000 : before[i];
    }

    ListView<Gwei> rebuilt = PackedLists.withUInt64s(balances(before), after);

    assertThat(rebuilt.hashTreeRoot()).isEqualTo(balances(after).hashTreeRoot());
    assertThat(rebuilt.size()).isEqualTo(1001);
    assertThat(rebuilt.get(1000)).isEqualTo(Gwei.of(after[1000]));
  }

  @Test
  void shouldShareUnchangedSubtrees() {
    long[] values = new long[64];
    ListView<Gwei> list = balances(values);
    long[] oneChange = values.clone();
    oneChange[63] = 9;

    ListView<Gwei> same = PackedLists.withUInt64s(list, values.clone());
    ListView<Gwei> changed = PackedLists.withUInt64s(list, oneChange);

    assertThat(same).isSameAs(list);
    // 64 values fill the first 16 chunks: the subtree of depth 4 at the far left of the data tree.
    // Its left half (values 0-31) is untouched and must be the very same node object.
    assertThat(leftmost(changed, 4).left()).isSameAs(leftmost(list, 4).left());
    assertThat(leftmost(changed, 4).right()).isNotSameAs(leftmost(list, 4).right());
  }

  private static Node leftmost(ListView<Gwei> list, int depth) {
    Node node = list.root().left();
    for (int d = list.schema().dataDepth(); d > depth; d--) {
      node = node.left();
    }
    return node;
  }

  @Test
  void shouldRefuseAnArrayOfTheWrongLength() {
    assertThatThrownBy(() -> PackedLists.withUInt64s(balances(new long[3]), new long[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 values for a list of 3");
  }

  @Test
  void shouldReadParticipationBytes() {
    ListView<Integer> flags = SCHEMAS.participation().of(List.of(1, 7, 0, 3));
    assertThat(PackedLists.readUInt8s(flags)).containsExactly(1, 7, 0, 3);
    assertThatThrownBy(() -> PackedLists.readUInt64s(flags))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

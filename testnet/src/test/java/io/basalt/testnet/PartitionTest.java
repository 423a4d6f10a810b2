package io.basalt.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionTest {

  @Test
  void shouldDenyEachNodeThePeersOutsideItsGroup() throws Exception {
    Partition partition = Partition.of(Partition.parseGroups(List.of("0,1", "2,3")), 4);
    Map<Integer, Set<Integer>> denied = partition.denied();
    assertThat(denied.get(0)).containsExactlyInAnyOrder(2, 3);
    assertThat(denied.get(1)).containsExactlyInAnyOrder(2, 3);
    assertThat(denied.get(2)).containsExactlyInAnyOrder(0, 1);
    assertThat(denied.get(3)).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void shouldPutUnnamedNodesIntoOneMoreGroup() throws Exception {
    Partition partition = Partition.of(List.of(Set.of(0, 1)), 5);
    assertThat(partition.groups()).hasSize(2);
    assertThat(partition.denied().get(4)).containsExactlyInAnyOrder(0, 1);
    assertThat(partition.denied().get(2)).containsExactlyInAnyOrder(0, 1);
    assertThat(partition.denied().get(0)).containsExactlyInAnyOrder(2, 3, 4);
  }

  @Test
  void shouldRefuseUnknownRepeatedOrSingleGroups() {
    assertThatThrownBy(() -> Partition.of(List.of(Set.of(0), Set.of(7)), 4))
        .isInstanceOf(TestnetException.class)
        .hasMessageContaining("no node 7");
    assertThatThrownBy(() -> Partition.of(List.of(Set.of(0, 1), Set.of(1, 2)), 4))
        .hasMessageContaining("node 1 is in two");
    assertThatThrownBy(() -> Partition.of(List.of(Set.of(0, 1, 2, 3)), 4))
        .hasMessageContaining("at least two groups");
    assertThatThrownBy(() -> Partition.parseGroups(List.of("0,x")))
        .isInstanceOf(TestnetException.class)
        .hasMessageContaining("'0,x'");
  }
}

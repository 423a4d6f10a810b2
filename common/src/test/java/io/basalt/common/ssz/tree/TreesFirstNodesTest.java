package io.basalt.common.ssz.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreesFirstNodesTest {

  @Test
  void shouldReturnTheSameNodesAsOneDescentPerIndex() {
    List<Node> leaves = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      leaves.add(LeafNode.of(new byte[] {(byte) i, 1}));
    }
    Node root = Trees.fromNodes(leaves, 6);
    for (int count : new int[] {0, 1, 5, 36, 37}) {
      Node[] walked = Trees.firstNodes(root, 6, count);
      assertThat(walked).hasSize(count);
      for (int i = 0; i < count; i++) {
        assertThat(walked[i]).isSameAs(root.get(GIndex.atDepth(6, i)));
      }
    }
  }

  @Test
  void shouldReachIntoZeroPaddingWhenAskedForMoreThanWasFilled() {
    Node root = Trees.fromNodes(List.of(LeafNode.of(new byte[] {9})), 3);
    Node[] walked = Trees.firstNodes(root, 3, 3);
    assertThat(walked[0].hashBytes()[0]).isEqualTo((byte) 9);
    assertThat(walked[2].hashBytes()).isEqualTo(new byte[32]);
  }
}

package io.basalt.execution.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Proof edge cases of the withdrawals tree. */
class WithdrawalTreeTest {

  private static List<Bytes32> leaves(int n) {
    return IntStream.range(0, n).mapToObj(i -> Bytes32.leftPad(Bytes.of(0x10, i + 1))).toList();
  }

  @Test
  void shouldProveEveryLeafOfTreesOfManySizes() {
    for (int n = 1; n <= 17; n++) {
      List<Bytes32> leaves = leaves(n);
      Bytes32 root = WithdrawalTree.root(leaves);
      for (int i = 0; i < n; i++) {
        List<Bytes32> proof = WithdrawalTree.proof(leaves, i);
        assertThat(proof).hasSize(WithdrawalTree.depth(n));
        assertThat(WithdrawalTree.verify(root, leaves.get(i), i, n, proof))
            .as("n=%d i=%d", n, i)
            .isEmpty();
      }
    }
  }

  @Test
  void shouldUseMinimalDepths() {
    assertThat(WithdrawalTree.depth(1)).isZero();
    assertThat(WithdrawalTree.depth(2)).isEqualTo(1);
    assertThat(WithdrawalTree.depth(3)).isEqualTo(2);
    assertThat(WithdrawalTree.depth(4)).isEqualTo(2);
    assertThat(WithdrawalTree.depth(5)).isEqualTo(3);
    assertThat(WithdrawalTree.depth(1L << 32)).isEqualTo(32);
  }

  @Test
  void shouldRejectAnOverLongPath() {
    List<Bytes32> leaves = leaves(3);
    Bytes32 root = WithdrawalTree.root(leaves);
    List<Bytes32> longer = new ArrayList<>(WithdrawalTree.proof(leaves, 0));
    longer.add(Bytes32.ZERO);

    assertThat(WithdrawalTree.verify(root, leaves.get(0), 0, 3, longer))
        .contains("proof is longer than the tree: 3 siblings, but 3 leaves have depth 2");
  }

  @Test
  void shouldRejectAShortPathAndAnInnerNodePosingAsALeaf() {
    List<Bytes32> leaves = leaves(4);
    Bytes32 root = WithdrawalTree.root(leaves);
    List<Bytes32> proof = WithdrawalTree.proof(leaves, 0);
    Bytes32 inner =
        Bytes32.wrap(
            io.basalt.common.crypto.Hash.keccak256(
                Bytes.concatenate(leaves.get(0), leaves.get(1))));

    assertThat(WithdrawalTree.verify(root, inner, 0, 4, proof.subList(1, 2)))
        .hasValueSatisfying(r -> assertThat(r).startsWith("proof is shorter than the tree"));
    // Claiming a smaller tree so that the inner node's path has the right length: the count is
    // part of the root, so the root no longer matches.
    assertThat(WithdrawalTree.verify(root, inner, 0, 2, proof.subList(1, 2)))
        .contains("withdrawal proof does not match the batch's withdrawalsRoot");
  }

  @Test
  void shouldRejectIndicesAndCountsOutOfRange() {
    List<Bytes32> leaves = leaves(3);
    Bytes32 root = WithdrawalTree.root(leaves);
    List<Bytes32> proof = WithdrawalTree.proof(leaves, 2);

    assertThat(WithdrawalTree.verify(root, leaves.get(2), 3, 3, proof))
        .contains("leaf index 3 is out of range for 3 leaves");
    assertThat(WithdrawalTree.verify(root, leaves.get(2), -1, 3, proof))
        .contains("leaf index 18446744073709551615 is out of range for 3 leaves");
    assertThat(WithdrawalTree.verify(root, leaves.get(2), 0, 0, List.of()))
        .contains("leaf count 0 is out of range");
    // The padding leaf (index 3 of a 4-wide tree of 3 leaves) is not a withdrawal.
    assertThat(WithdrawalTree.verify(root, Bytes32.ZERO, 3, 4, WithdrawalTree.proof(leaves, 2)))
        .contains("withdrawal proof does not match the batch's withdrawalsRoot");
  }

  @Test
  void shouldRejectAlteredLeavesSiblingsAndPositions() {
    List<Bytes32> leaves = leaves(5);
    Bytes32 root = WithdrawalTree.root(leaves);
    List<Bytes32> proof = WithdrawalTree.proof(leaves, 1);

    assertThat(WithdrawalTree.verify(root, leaves.get(2), 1, 5, proof)).isPresent();
    assertThat(WithdrawalTree.verify(root, leaves.get(1), 0, 5, proof)).isPresent();
    List<Bytes32> altered = new ArrayList<>(proof);
    altered.set(1, Bytes32.repeat((byte) 9));
    assertThat(WithdrawalTree.verify(root, leaves.get(1), 1, 5, altered)).isPresent();
  }
}

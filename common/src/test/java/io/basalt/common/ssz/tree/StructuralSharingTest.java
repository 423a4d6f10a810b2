package io.basalt.common.ssz.tree;

import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** An update to one element of a large tree-backed list re-hashes exactly one root-to-leaf path. */
class StructuralSharingTest {

  private static final ListSchema<Validator> VALIDATORS = list(Validator.SSZ, 1L << 40);
  private static final ListSchema<UInt64> BALANCES = list(UINT64, 1L << 40);

  @Test
  void updatingOneValidatorRehashesOnlyItsPath() {
    List<Validator> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      values.add(Validator.sample(i));
    }
    ListView<Validator> before = ListView.of(VALIDATORS, values);
    before.hashTreeRoot();

    Validator changed = Validator.sample(1_000_000);
    long start = BranchNode.hashCount;
    ListView<Validator> after = before.set(12_345, changed);
    after.hashTreeRoot();
    long hashes = BranchNode.hashCount - start;

    // The data tree is 40 levels deep, plus the length mix-in: 41 branches on the path. The new
    // Validator subtree has 8 fields (3 levels, 7 branches) and a 2-chunk pubkey (1 branch).
    assertThat(hashes).isEqualTo(41 + 7 + 1);

    values.set(12_345, changed);
    assertThat(after.hashTreeRoot()).isEqualTo(VALIDATORS.hashTreeRoot(values));
    assertThat(before.get(12_345)).isEqualTo(Validator.sample(12_345));
    assertThat(after.get(12_345)).isEqualTo(changed);
  }

  @Test
  void untouchedSubtreesAreSharedInstances() {
    List<UInt64> balances = LongStream.range(0, 100_000).mapToObj(UInt64::valueOf).toList();
    ListView<UInt64> before = ListView.of(BALANCES, balances);
    ListView<UInt64> after = before.set(77_777, UInt64.valueOf(5));

    int depth = BALANCES.dataDepth();
    long leafChunk = 77_777 / 4;
    // Walk down from the data root: at each level the sibling of the changed path is shared.
    long gindex = GIndex.atDepth(depth, leafChunk);
    Node oldData = before.root().left();
    Node newData = after.root().left();
    for (int level = depth - 1; level >= 0; level--) {
      long sub = gindex >>> level;
      long sibling = sub ^ 1;
      assertThat(newData.get(sibling)).isSameAs(oldData.get(sibling));
      assertThat(newData.get(sub)).isNotSameAs(oldData.get(sub));
    }

    long start = BranchNode.hashCount;
    after.hashTreeRoot();
    before.hashTreeRoot();
    long firstHashes = BranchNode.hashCount - start;
    assertThat(firstHashes).isGreaterThan(depth); // the original tree was hashed once, fully
    start = BranchNode.hashCount;
    after.set(77_778, UInt64.valueOf(6)).hashTreeRoot();
    assertThat(BranchNode.hashCount - start).isEqualTo(depth + 1);

    List<UInt64> expected = new ArrayList<>(balances);
    expected.set(77_777, UInt64.valueOf(5));
    assertThat(after.hashTreeRoot()).isEqualTo(BALANCES.hashTreeRoot(expected));
  }

  @Test
  void zeroSubtreesHaveTheSpecHashes() {
    // zerohashes[1] = sha256(32 zero bytes || 32 zero bytes)
    assertThat(ZeroNodes.ofDepth(1).hash().toHexString())
        .isEqualTo("0xf5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b");
    assertThat(ZeroNodes.ofDepth(2).left()).isSameAs(ZeroNodes.ofDepth(1));
  }

  @Test
  void buildingBottomUpEqualsSuccessiveUpdates() {
    List<Node> leaves = new ArrayList<>();
    Node incremental = ZeroNodes.ofDepth(4);
    for (int i = 0; i < 11; i++) {
      Node leaf = LeafNode.of(new byte[] {(byte) i, 1});
      leaves.add(leaf);
      incremental = incremental.updated(GIndex.atDepth(4, i), leaf);
    }
    assertThat(Trees.fromNodes(leaves, 4).hash()).isEqualTo(incremental.hash());
  }
}

package io.basalt.common.ssz.proof;

import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.Field;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {

  private static final ListSchema<Validator> VALIDATORS = list(Validator.SSZ, 1L << 10);
  private static final ListSchema<UInt64> BALANCES = list(UINT64, 1L << 10);

  record State(UInt64 slot, List<Validator> validators, List<UInt64> balances) {
    static final ContainerSchema<State> SSZ =
        ContainerSchema.ofRecord(
            State.class,
            Field.field("slot", UINT64, State::slot),
            Field.field("validators", VALIDATORS, State::validators),
            Field.field("balances", BALANCES, State::balances));
  }

  private static State state() {
    List<Validator> validators = new ArrayList<>();
    List<UInt64> balances = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      validators.add(Validator.sample(i));
      balances.add(UInt64.valueOf(1000 + i));
    }
    return new State(UInt64.valueOf(42), validators, balances);
  }

  @Test
  void gindicesFollowTheSpecLayout() {
    // 3 fields -> depth 2: slot 4, validators 5, balances 6.
    assertThat(GeneralizedIndices.forPath(State.SSZ, "slot")).isEqualTo(4);
    assertThat(GeneralizedIndices.forPath(State.SSZ, "validators")).isEqualTo(5);
    assertThat(GeneralizedIndices.forPath(State.SSZ, "validators", GeneralizedIndices.LENGTH))
        .isEqualTo(11);
    // validators[3]: 5 -> data root 10 -> depth 10 -> 10 * 1024 + 3; its exitEpoch field is #6 of
    // 8.
    assertThat(GeneralizedIndices.forPath(State.SSZ, "validators", 3)).isEqualTo(10L * 1024 + 3);
    assertThat(GeneralizedIndices.forPath(State.SSZ, "validators", 3, "exitEpoch"))
        .isEqualTo((10L * 1024 + 3) * 8 + 6);
    // balances are packed 4 per chunk: balances[9] is in chunk 2.
    assertThat(GeneralizedIndices.forPath(State.SSZ, "balances", 9)).isEqualTo(12L * 256 + 2);
    assertThat(GeneralizedIndices.concat(5, 2, 3))
        .isEqualTo(GeneralizedIndices.forPath(State.SSZ, "validators") * 4 + 1);
    assertThatThrownBy(() -> GeneralizedIndices.forPath(State.SSZ, "nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneralizedIndices.forPath(State.SSZ, "slot", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void helpersMatchTheSpecDefinitions() {
    assertThat(GeneralizedIndices.parent(9)).isEqualTo(4);
    assertThat(GeneralizedIndices.sibling(9)).isEqualTo(8);
    assertThat(GeneralizedIndices.child(4, true)).isEqualTo(9);
    assertThat(GeneralizedIndices.branchIndices(9)).containsExactly(8L, 5L, 3L);
    assertThat(GeneralizedIndices.pathIndices(9)).containsExactly(9L, 4L, 2L);
    // Proving 8 and 9 together needs 5 and 3 only; 4 and 2 are computed.
    assertThat(GeneralizedIndices.helperIndices(List.of(8L, 9L))).containsExactly(5L, 3L);
    assertThat(GeneralizedIndices.helperIndices(List.of(9L, 14L))).containsExactly(15L, 8L, 6L, 5L);
  }

  @Test
  void singleProofVerifiesAndFailsWhenTampered() {
    State state = state();
    Node root = State.SSZ.toTree(state);
    Bytes32 stateRoot = root.hash();
    long gindex = GeneralizedIndices.forPath(State.SSZ, "validators", 7, "effectiveBalance");
    Bytes32 leaf = root.get(gindex).hash();
    List<Bytes32> branch = MerkleProofs.branch(root, gindex);

    assertThat(MerkleProofs.verify(leaf, branch, gindex, stateRoot)).isTrue();
    int depth = branch.size();
    assertThat(
            MerkleProofs.isValidMerkleBranch(
                leaf, branch, depth, gindex - (1L << depth), stateRoot))
        .isTrue();

    Bytes32 otherLeaf = Trees.lengthLeaf(1).hash();
    assertThat(MerkleProofs.verify(otherLeaf, branch, gindex, stateRoot)).isFalse();
    List<Bytes32> tampered = new ArrayList<>(branch);
    tampered.set(3, Bytes32.fromHexString("0x" + "33".repeat(32)));
    assertThat(MerkleProofs.verify(leaf, tampered, gindex, stateRoot)).isFalse();
    assertThat(MerkleProofs.verify(leaf, branch, gindex + 1, stateRoot)).isFalse();
    assertThat(MerkleProofs.verify(leaf, branch.subList(1, depth), gindex, stateRoot)).isFalse();
  }

  @Test
  void lengthProofShowsTheListSize() {
    State state = state();
    Node root = State.SSZ.toTree(state);
    long gindex = GeneralizedIndices.forPath(State.SSZ, "balances", GeneralizedIndices.LENGTH);
    List<Bytes32> branch = MerkleProofs.branch(root, gindex);
    assertThat(MerkleProofs.verify(Trees.lengthLeaf(10).hash(), branch, gindex, root.hash()))
        .isTrue();
    assertThat(MerkleProofs.verify(Trees.lengthLeaf(11).hash(), branch, gindex, root.hash()))
        .isFalse();
  }

  @Test
  void multiproofVerifiesAndFailsWhenTampered() {
    State state = state();
    Node root = State.SSZ.toTree(state);
    List<Long> indices =
        List.of(
            GeneralizedIndices.forPath(State.SSZ, "slot"),
            GeneralizedIndices.forPath(State.SSZ, "validators", 2, "pubkey"),
            GeneralizedIndices.forPath(State.SSZ, "validators", 3, "slashed"),
            GeneralizedIndices.forPath(State.SSZ, "balances", 5));
    List<Bytes32> leaves = indices.stream().map(i -> root.get(i).hash()).toList();
    List<Bytes32> proof = MerkleProofs.multiproof(root, indices);

    assertThat(MerkleProofs.calculateMultiRoot(leaves, proof, indices)).isEqualTo(root.hash());
    assertThat(MerkleProofs.verifyMultiproof(leaves, proof, indices, root.hash())).isTrue();

    List<Bytes32> badLeaves = new ArrayList<>(leaves);
    badLeaves.set(2, Bytes32.fromHexString("0x" + "11".repeat(32)));
    assertThat(MerkleProofs.verifyMultiproof(badLeaves, proof, indices, root.hash())).isFalse();
    List<Bytes32> badProof = new ArrayList<>(proof);
    badProof.set(badProof.size() / 2, Bytes32.fromHexString("0x" + "22".repeat(32)));
    assertThat(MerkleProofs.verifyMultiproof(leaves, badProof, indices, root.hash())).isFalse();
    assertThat(
            MerkleProofs.verifyMultiproof(
                leaves, proof.subList(1, proof.size()), indices, root.hash()))
        .isFalse();
  }
}

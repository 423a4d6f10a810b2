package io.basalt.common.ssz.view;

import static io.basalt.common.ssz.SszTypes.BYTES32;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.list;
import static io.basalt.common.ssz.SszTypes.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.Field;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.VectorSchema;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ListViewTest {

  private static final ListSchema<UInt64> BALANCES = list(UINT64, 1L << 40);
  private static final ListSchema<Validator> VALIDATORS = list(Validator.SSZ, 1L << 40);
  private static final VectorSchema<Bytes32> ROOTS = vector(BYTES32, 64);

  /** A state-like container holding tree-backed fields. */
  record MiniState(UInt64 slot, ListView<Validator> validators, ListView<UInt64> balances) {
    static final ContainerSchema<MiniState> SSZ =
        ContainerSchema.ofRecord(
            MiniState.class,
            Field.field("slot", UINT64, MiniState::slot),
            Field.field("validators", VALIDATORS.view(), MiniState::validators),
            Field.field("balances", BALANCES.view(), MiniState::balances));
  }

  @Test
  void shouldGetSetAppendLikeAList() {
    ListView<UInt64> empty = ListView.empty(BALANCES);
    ListView<UInt64> one = empty.append(UInt64.valueOf(10));
    ListView<UInt64> two = one.append(UInt64.valueOf(20)).set(0, UInt64.valueOf(11));
    assertThat(empty.size()).isZero();
    assertThat(one.get(0)).isEqualTo(UInt64.valueOf(10));
    assertThat(two.toList()).containsExactly(UInt64.valueOf(11), UInt64.valueOf(20));
    assertThat(two.hashTreeRoot()).isEqualTo(BALANCES.hashTreeRoot(two.toList()));
    assertThatThrownBy(() -> two.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void builderCommitsABatchAndLeavesTheBaseUnchanged() {
    List<Validator> values = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      values.add(Validator.sample(i));
    }
    ListView<Validator> base = ListView.of(VALIDATORS, values);
    ListView<Validator> updated =
        base.updated(
            b -> {
              b.set(3, Validator.sample(1003));
              b.append(Validator.sample(2000));
            });
    assertThat(base.size()).isEqualTo(100);
    assertThat(base.get(3)).isEqualTo(Validator.sample(3));
    assertThat(updated.size()).isEqualTo(101);
    values.set(3, Validator.sample(1003));
    values.add(Validator.sample(2000));
    assertThat(updated.hashTreeRoot()).isEqualTo(VALIDATORS.hashTreeRoot(values));
  }

  @Test
  void containersWithViewFieldsHashAsPlainValues() {
    List<Validator> validators = List.of(Validator.sample(1), Validator.sample(2));
    List<UInt64> balances = List.of(UInt64.valueOf(5), UInt64.valueOf(6));
    MiniState state =
        new MiniState(
            UInt64.valueOf(9), VALIDATORS.view().of(validators), BALANCES.view().of(balances));
    // The same type declared with plain lists hashes the same.
    record Plain(UInt64 slot, List<Validator> validators, List<UInt64> balances) {}
    ContainerSchema<Plain> plain =
        ContainerSchema.ofRecord(
            Plain.class,
            Field.field("slot", UINT64, Plain::slot),
            Field.field("validators", VALIDATORS, Plain::validators),
            Field.field("balances", BALANCES, Plain::balances));
    Plain p = new Plain(UInt64.valueOf(9), validators, balances);
    assertThat(MiniState.SSZ.hashTreeRoot(state)).isEqualTo(plain.hashTreeRoot(p));
    assertThat(MiniState.SSZ.serialize(state)).isEqualTo(plain.serialize(p));
    MiniState decoded = MiniState.SSZ.deserialize(plain.serialize(p));
    assertThat(decoded.validators().toList()).isEqualTo(validators);
  }

  @Test
  void vectorViewSetsShareAndHashLikeValues() {
    List<Bytes32> roots = new ArrayList<>(Collections.nCopies(64, Bytes32.ZERO));
    VectorView<Bytes32> view = VectorView.of(ROOTS, roots);
    Bytes32 root = Bytes32.fromHexString("0x" + "11".repeat(32));
    VectorView<Bytes32> changed = view.updated(s -> s.set(5, root));
    roots.set(5, root);
    assertThat(changed.get(5)).isEqualTo(root);
    assertThat(view.get(5)).isEqualTo(Bytes32.ZERO);
    assertThat(changed.hashTreeRoot()).isEqualTo(ROOTS.hashTreeRoot(roots));
    assertThat(changed.root().right()).isSameAs(view.root().right());
  }
}

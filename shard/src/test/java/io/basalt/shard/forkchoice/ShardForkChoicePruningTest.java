package io.basalt.shard.forkchoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Slot;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ShardForkChoicePruningTest {

  private static final Bytes32 BEACON = Bytes32.repeat((byte) 0xbe);

  private static Bytes32 root(int i) {
    return Bytes32.repeat((byte) i);
  }

  /** genesis -> 1 -> 2 -> 3, and a fork 1 -> 4 -> 5. */
  private static ShardForkChoice tree() {
    ShardForkChoice forkChoice = new ShardForkChoice(BEACON);
    forkChoice.onBlock(root(1), Bytes32.ZERO, Slot.of(1), BEACON);
    forkChoice.onBlock(root(2), root(1), Slot.of(2), BEACON);
    forkChoice.onBlock(root(3), root(2), Slot.of(3), BEACON);
    forkChoice.onBlock(root(4), root(1), Slot.of(4), BEACON);
    forkChoice.onBlock(root(5), root(4), Slot.of(5), BEACON);
    return forkChoice;
  }

  @Test
  void shouldReAnchorAtTheFinalizedBlockAndForgetEverythingElse() {
    ShardForkChoice forkChoice = tree();

    assertThat(forkChoice.pruneTo(root(2)))
        .containsExactlyInAnyOrder(Bytes32.ZERO, root(1), root(4), root(5));

    assertThat(forkChoice.anchor()).isEqualTo(root(2));
    assertThat(forkChoice.size()).isEqualTo(2);
    assertThat(forkChoice.parent(root(3))).contains(root(2));
    assertThat(forkChoice.parent(root(2))).isEmpty(); // the anchor's parent is gone
    assertThat(forkChoice.head(root(2), beacon -> true, v -> 0)).isEqualTo(root(3));
    assertThatThrownBy(() -> forkChoice.onBlock(root(6), root(4), Slot.of(6), BEACON))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverDropTheAnchorOffTheCanonicalChain() {
    ShardForkChoice forkChoice = new ShardForkChoice(root(2), Slot.of(2), BEACON);
    forkChoice.onBlock(root(3), root(2), Slot.of(3), BEACON);

    assertThat(forkChoice.dropOffCanonical(beacon -> false)).containsExactly(root(3));
    assertThat(forkChoice.contains(root(2))).isTrue();
    assertThat(forkChoice.highestSlot()).isEqualTo(Slot.of(2));
  }

  @Test
  void shouldListNonDescendantsWithoutChangingAnything() {
    ShardForkChoice forkChoice = tree();
    assertThat(forkChoice.nonDescendants(root(4)))
        .containsExactlyInAnyOrder(Bytes32.ZERO, root(1), root(2), root(3));
    assertThat(forkChoice.nonDescendants(root(9))).isEmpty();
    assertThat(forkChoice.size()).isEqualTo(6);
    assertThatThrownBy(() -> forkChoice.pruneTo(root(9)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

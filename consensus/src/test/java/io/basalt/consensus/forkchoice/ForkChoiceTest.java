package io.basalt.consensus.forkchoice;

import static io.basalt.consensus.forkchoice.Roots.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Checkpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ForkChoiceTest {

  // local preset: 2-second slots, 8 slots per epoch, PROPOSER_SCORE_BOOST 40.
  static final SpecConfig CONFIG = SpecConfigLoader.load("local");
  static final long GENESIS_TIME = 1_000;
  static final Bytes32 GENESIS = root(0xff00);
  static final Checkpoint ANCHOR = new Checkpoint(Epoch.ZERO, GENESIS);

  /** 8 validators of 10 Gwei: committee weight 80 / 8 = 10, proposer score 4. */
  static final EffectiveBalances BALANCES = EffectiveBalances.ofGwei(filled(8, 10));

  final InMemoryForkChoiceStore store =
      new InMemoryForkChoiceStore(
          UInt64.valueOf(GENESIS_TIME), UInt64.valueOf(GENESIS_TIME), ANCHOR, BALANCES);
  ForkChoice forkChoice =
      ForkChoice.fromAnchor(CONFIG, store, Slot.ZERO, Optional.empty(), OwningThread.ANY);

  static long[] filled(int count, long value) {
    long[] values = new long[count];
    Arrays.fill(values, value);
    return values;
  }

  void tick(long slot) {
    forkChoice.onTick(UInt64.valueOf(GENESIS_TIME + slot * 2));
  }

  Optional<BlockRejection> block(long slot, Bytes32 root, Bytes32 parent) {
    return block(slot, root, parent, ANCHOR, ANCHOR, false);
  }

  Optional<BlockRejection> block(
      long slot,
      Bytes32 root,
      Bytes32 parent,
      Checkpoint justified,
      Checkpoint finalized,
      boolean timely) {
    if (forkChoice.currentSlot().value().longValue() < slot) {
      tick(slot);
    }
    return forkChoice.onBlock(
        Slot.of(slot), root, parent, Optional.empty(), justified, finalized, timely);
  }

  void vote(Bytes32 root, long targetEpoch, int... validators) {
    List<ValidatorIndex> indices = IntStream.of(validators).mapToObj(ValidatorIndex::of).toList();
    assertThat(forkChoice.onAttestation(indices, root, Epoch.of(targetEpoch))).isEmpty();
  }

  @Test
  void shouldReturnAnchorWhenNoBlockFollows() throws Exception {
    assertThat(forkChoice.getHead()).isEqualTo(GENESIS);
  }

  @Test
  void shouldFollowSingleChainToItsTip() throws Exception {
    block(1, root(1), GENESIS);
    block(2, root(2), root(1));
    block(4, root(3), root(2));
    assertThat(forkChoice.getHead()).isEqualTo(root(3));
  }

  @Test
  void shouldPickForkWithMoreVotesAndMoveWithChangedVotes() throws Exception {
    block(1, root(1), GENESIS);
    block(1, root(2), GENESIS);
    block(2, root(3), root(1));
    vote(root(3), 0, 0, 1, 2);
    vote(root(2), 0, 3, 4);
    assertThat(forkChoice.getHead()).isEqualTo(root(3));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(30));

    tick(8);
    vote(root(2), 1, 0, 1);
    assertThat(forkChoice.getHead()).isEqualTo(root(2));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(10));
    assertThat(forkChoice.node(root(2)).orElseThrow().weight()).isEqualTo(Gwei.of(40));
    assertThat(forkChoice.node(GENESIS).orElseThrow().weight()).isEqualTo(Gwei.of(50));
  }

  @Test
  void shouldIgnoreVoteWithTargetEpochNotNewer() throws Exception {
    block(1, root(1), GENESIS);
    block(1, root(2), GENESIS);
    tick(8);
    vote(root(1), 1, 0, 1);
    vote(root(2), 1, 0, 1);
    vote(root(2), 0, 0, 1);
    assertThat(forkChoice.getHead()).isEqualTo(root(1));
  }

  @Test
  void shouldBreakWeightTiesTowardsGreaterRoot() throws Exception {
    block(1, root(1), GENESIS);
    block(1, root(2), GENESIS);
    vote(root(1), 0, 0);
    vote(root(2), 0, 1);
    assertThat(forkChoice.getHead()).isEqualTo(root(2));
  }

  @Test
  void proposerBoostShouldFlipTieThenExpireNextSlot() throws Exception {
    block(1, root(2), GENESIS);
    vote(root(2), 0, 0);
    tick(2);
    assertThat(block(2, root(1), GENESIS, ANCHOR, ANCHOR, true)).isEmpty();
    vote(root(1), 0, 1);
    assertThat(store.proposerBoostRoot()).contains(root(1));

    assertThat(forkChoice.proposerScore()).isEqualTo(Gwei.of(4));
    assertThat(forkChoice.getHead()).isEqualTo(root(1));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(14));

    tick(3);
    assertThat(store.proposerBoostRoot()).isEmpty();
    assertThat(forkChoice.getHead()).isEqualTo(root(2));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(10));
  }

  @Test
  void proposerBoostShouldGoOnlyToFirstTimelyBlockOfCurrentSlot() {
    tick(2);
    block(1, root(1), GENESIS, ANCHOR, ANCHOR, true);
    assertThat(store.proposerBoostRoot()).as("block of an earlier slot").isEmpty();
    block(2, root(2), GENESIS, ANCHOR, ANCHOR, false);
    assertThat(store.proposerBoostRoot()).as("late block").isEmpty();
    block(2, root(3), GENESIS, ANCHOR, ANCHOR, true);
    block(2, root(4), GENESIS, ANCHOR, ANCHOR, true);
    assertThat(store.proposerBoostRoot()).contains(root(3));
  }

  @Test
  void equivocatingValidatorsShouldLoseWeightAndFurtherVotes() throws Exception {
    block(1, root(1), GENESIS);
    block(1, root(2), GENESIS);
    vote(root(1), 0, 0, 1, 2);
    vote(root(2), 0, 3, 4);
    assertThat(forkChoice.getHead()).isEqualTo(root(1));

    forkChoice.onAttesterSlashing(List.of(ValidatorIndex.of(0), ValidatorIndex.of(1)));
    assertThat(forkChoice.getHead()).isEqualTo(root(2));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(10));

    tick(8);
    vote(root(1), 1, 0, 1);
    assertThat(forkChoice.getHead()).isEqualTo(root(2));
    assertThat(forkChoice.node(root(1)).orElseThrow().weight()).isEqualTo(Gwei.of(10));
    assertThat(store.equivocatingIndices())
        .containsExactlyInAnyOrder(ValidatorIndex.of(0), ValidatorIndex.of(1));
  }

  @Test
  void shouldRejectBlockWithUnknownParent() {
    Optional<BlockRejection> rejection = block(1, root(1), root(99));
    assertThat(rejection)
        .map(BlockRejection::reason)
        .contains(BlockRejection.Reason.UNKNOWN_PARENT);
    assertThat(forkChoice.contains(root(1))).isFalse();
  }

  @Test
  void shouldRejectBlockFromFutureSlotOrNotAfterParent() {
    tick(3);
    assertThat(
            forkChoice.onBlock(
                Slot.of(4), root(1), GENESIS, Optional.empty(), ANCHOR, ANCHOR, false))
        .map(BlockRejection::reason)
        .contains(BlockRejection.Reason.FUTURE_SLOT);
    block(2, root(2), GENESIS);
    assertThat(block(2, root(3), root(2)))
        .map(BlockRejection::reason)
        .contains(BlockRejection.Reason.SLOT_NOT_AFTER_PARENT);
  }

  @Test
  void shouldRejectBlocksNotDescendingFromFinalized() throws Exception {
    block(1, root(100), GENESIS);
    Bytes32 parent = GENESIS;
    for (int slot = 1; slot <= 8; slot++) {
      block(slot, root(slot), parent);
      parent = root(slot);
    }
    Checkpoint finalized = new Checkpoint(Epoch.of(1), root(8));
    assertThat(forkChoice.updateCheckpoints(finalized, finalized, BALANCES)).isEmpty();

    assertThat(block(10, root(101), root(100)))
        .map(BlockRejection::reason)
        .contains(BlockRejection.Reason.NOT_DESCENDANT_OF_FINALIZED);
    assertThat(block(8, root(102), root(7)))
        .map(BlockRejection::reason)
        .contains(BlockRejection.Reason.NOT_AFTER_FINALIZED_SLOT);
    assertThat(block(10, root(103), root(8), finalized, finalized, false)).isEmpty();
    assertThat(forkChoice.getHead()).isEqualTo(root(103));
  }

  @Test
  void shouldRejectAttestationForUnknownBlockOrFutureTarget() {
    List<ValidatorIndex> one = List.of(ValidatorIndex.of(0));
    assertThat(forkChoice.onAttestation(one, root(5), Epoch.ZERO))
        .map(AttestationRejection::reason)
        .contains(AttestationRejection.Reason.UNKNOWN_BLOCK);
    assertThat(forkChoice.onAttestation(one, GENESIS, Epoch.of(1)))
        .map(AttestationRejection::reason)
        .contains(AttestationRejection.Reason.FUTURE_TARGET_EPOCH);
    assertThat(
            forkChoice.onAttestation(
                List.of(ValidatorIndex.of(VoteTracker.MAX_VALIDATORS)), GENESIS, Epoch.ZERO))
        .map(AttestationRejection::reason)
        .contains(AttestationRejection.Reason.VALIDATOR_INDEX_TOO_LARGE);
  }

  @Test
  void shouldFilterBlocksWhoseJustificationConflictsWithTheStore() throws Exception {
    Bytes32 parent = GENESIS;
    for (int slot = 1; slot <= 8; slot++) {
      block(slot, root(slot), parent);
      parent = root(slot);
    }
    Checkpoint justified = new Checkpoint(Epoch.of(1), root(8));
    // root(9) knows of the new justification; the heavier root(10) does not.
    block(9, root(9), root(8), justified, ANCHOR, false);
    block(10, root(10), root(8), ANCHOR, ANCHOR, false);
    vote(root(10), 1, 0, 1, 2);
    vote(root(9), 1, 3);
    assertThat(forkChoice.updateCheckpoints(justified, ANCHOR, BALANCES)).isEmpty();

    tick(16); // epoch 2: justified epoch 0 + 2 >= 2, still lenient
    assertThat(forkChoice.getHead()).isEqualTo(root(10));
    tick(24); // epoch 3: root(10)'s justification is too old
    assertThat(forkChoice.getHead()).isEqualTo(root(9));
  }

  @Test
  void shouldRejectCheckpointsWithUnknownRoots() throws Exception {
    Checkpoint unknown = new Checkpoint(Epoch.of(1), root(42));
    assertThat(forkChoice.updateCheckpoints(unknown, ANCHOR, BALANCES))
        .map(CheckpointRejection::reason)
        .contains(CheckpointRejection.Reason.UNKNOWN_JUSTIFIED_ROOT);
    assertThat(forkChoice.updateCheckpoints(ANCHOR, unknown, BALANCES))
        .map(CheckpointRejection::reason)
        .contains(CheckpointRejection.Reason.UNKNOWN_FINALIZED_ROOT);
    assertThat(store.justifiedCheckpoint()).isEqualTo(ANCHOR);
  }

  @Test
  void pruningShouldKeepHeadDescendantsAndMovingVotes() throws Exception {
    forkChoice =
        ForkChoice.fromAnchor(CONFIG, store, Slot.ZERO, Optional.empty(), OwningThread.ANY, 0);
    Bytes32 parent = GENESIS;
    for (int slot = 1; slot <= 12; slot++) {
      block(slot, root(slot), parent);
      parent = root(slot);
    }
    block(11, root(111), root(10));
    vote(root(3), 0, 0, 1);
    vote(root(111), 0, 2);
    vote(root(12), 0, 3);
    assertThat(forkChoice.getHead()).isEqualTo(root(111));

    Checkpoint finalized = new Checkpoint(Epoch.of(1), root(8));
    assertThat(forkChoice.updateCheckpoints(finalized, finalized, BALANCES)).isEmpty();
    assertThat(forkChoice.size()).isEqualTo(6);
    assertThat(forkChoice.contains(root(7))).isFalse();
    assertThat(forkChoice.isDescendant(root(8), root(12))).isTrue();
    assertThat(forkChoice.ancestorAtSlot(root(111), Slot.of(9))).contains(root(9));
    assertThat(forkChoice.getHead()).isEqualTo(root(111));

    tick(8);
    vote(root(12), 1, 0, 1);
    assertThat(forkChoice.getHead()).isEqualTo(root(12));
    assertThat(forkChoice.node(root(8)).orElseThrow().weight()).isEqualTo(Gwei.of(40));
  }

  @Test
  void shouldRefuseUseFromAnotherThread() {
    ForkChoice confined =
        ForkChoice.fromAnchor(CONFIG, store, Slot.ZERO, Optional.empty(), () -> false);
    assertThatThrownBy(confined::getHead)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owning thread");
  }

  @Test
  void timelinessShouldEndAtFirstIntervalOfTheBlockSlot() {
    long slot3 = GENESIS_TIME * 1000 + 3 * 2000;
    assertThat(forkChoice.isTimely(Slot.of(3), slot3)).isTrue();
    assertThat(forkChoice.isTimely(Slot.of(3), slot3 + 666)).isTrue();
    assertThat(forkChoice.isTimely(Slot.of(3), slot3 + 667)).isFalse();
    assertThat(forkChoice.isTimely(Slot.of(3), slot3 - 1)).isFalse();
    assertThat(forkChoice.isTimely(Slot.of(3), slot3 + 2000)).isFalse();
  }
}

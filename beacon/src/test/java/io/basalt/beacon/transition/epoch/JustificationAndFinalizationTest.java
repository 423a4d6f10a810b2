package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Casper FFG justification with 2/3 of active stake and phase0's four finalization rules. */
class JustificationAndFinalizationTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final int COUNT = 64;
  private static final int TARGET = 0b010;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  /** 64 equal validators at the end of {@code epoch}; the first ones voted for the targets. */
  private static BeaconState state(long epoch, int previousTargetVoters, int currentTargetVoters) {
    List<Validator> validators = new ArrayList<>();
    long[] balances = new long[COUNT];
    int[] previous = new int[COUNT];
    int[] current = new int[COUNT];
    for (int i = 0; i < COUNT; i++) {
      validators.add(EpochStates.validator(i, 32_000_000_000L));
      balances[i] = 32_000_000_000L;
      previous[i] = i < previousTargetVoters ? TARGET : 0;
      current[i] = i < currentTargetVoters ? TARGET : 0;
    }
    return EpochStates.build(CONFIG, validators, balances, previous, current, epoch);
  }

  private static Checkpoint checkpoint(long epoch) {
    return new Checkpoint(Epoch.of(epoch), EpochStates.root(0x77, (int) epoch));
  }

  private static BeaconState withFfg(
      BeaconState state, Bits bits, Checkpoint previous, Checkpoint current) {
    return state.updated(
        m ->
            m.setJustificationBits(bits)
                .setPreviousJustifiedCheckpoint(previous)
                .setCurrentJustifiedCheckpoint(current));
  }

  /** The block root at the start of {@code epoch} in {@link EpochStates}' block roots. */
  private static Checkpoint blockCheckpoint(long epoch) {
    int slot = (int) (epoch * CONFIG.slotsPerEpoch() % CONFIG.slotsPerHistoricalRoot());
    return new Checkpoint(Epoch.of(epoch), EpochStates.root(0xb0, slot));
  }

  @Test
  void shouldNotJustifyBelowTwoThirdsOfActiveStake() {
    // 42 of 64 equal stakes: 3 * 42 = 126 < 128 = 2 * 64.
    BeaconState after = processor.processEpoch(state(5, 42, 42));

    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(Checkpoint.GENESIS);
    assertThat(after.justificationBits()).isEqualTo(Bits.zeros(4));
  }

  @Test
  void shouldJustifyPreviousAndCurrentEpochAtTwoThirds() {
    // 43 of 64: 3 * 43 = 129 >= 128.
    BeaconState after = processor.processEpoch(state(5, 43, 43));

    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(blockCheckpoint(5));
    assertThat(after.previousJustifiedCheckpoint()).isEqualTo(Checkpoint.GENESIS);
    assertThat(after.justificationBits()).isEqualTo(Bits.of(true, true, false, false));
  }

  @Test
  void shouldJustifyOnlyThePreviousEpochWhenOnlyItHasTheVotes() {
    BeaconState after = processor.processEpoch(state(5, 64, 10));

    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(blockCheckpoint(4));
    assertThat(after.justificationBits()).isEqualTo(Bits.of(false, true, false, false));
  }

  @Test
  void shouldSkipJustificationInTheFirstTwoEpochs() {
    BeaconState after = processor.processEpoch(state(1, 64, 64));

    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(Checkpoint.GENESIS);
    assertThat(after.justificationBits()).isEqualTo(Bits.zeros(4));
  }

  @Test
  void shouldFinalizeByRuleOneSecondThirdFourthJustifiedFromTheFourth() {
    // Before: bits [0,1,1,0] -> shifted [0,0,1,1], the previous epoch justified sets bit 1.
    BeaconState before =
        withFfg(state(5, 64, 0), Bits.of(false, true, true, false), checkpoint(2), checkpoint(3));

    BeaconState after = processor.processEpoch(before);

    assertThat(after.justificationBits()).isEqualTo(Bits.of(false, true, true, true));
    assertThat(after.finalizedCheckpoint()).isEqualTo(checkpoint(2));
    assertThat(after.previousJustifiedCheckpoint()).isEqualTo(checkpoint(3));
  }

  @Test
  void shouldFinalizeByRuleTwoSecondThirdJustifiedFromTheThird() {
    BeaconState before =
        withFfg(state(5, 64, 0), Bits.of(false, true, false, false), checkpoint(3), checkpoint(3));

    BeaconState after = processor.processEpoch(before);

    assertThat(after.justificationBits()).isEqualTo(Bits.of(false, true, true, false));
    assertThat(after.finalizedCheckpoint()).isEqualTo(checkpoint(3));
  }

  @Test
  void shouldFinalizeByRuleThreeFirstSecondThirdJustifiedFromTheThird() {
    // Old previous justified (epoch 1) matches no rule; old current (epoch 3) is two back.
    BeaconState before =
        withFfg(state(5, 64, 64), Bits.of(false, true, false, false), checkpoint(1), checkpoint(3));

    BeaconState after = processor.processEpoch(before);

    assertThat(after.justificationBits()).isEqualTo(Bits.of(true, true, true, false));
    assertThat(after.finalizedCheckpoint()).isEqualTo(checkpoint(3));
    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(blockCheckpoint(5));
  }

  @Test
  void shouldFinalizeByRuleFourFirstSecondJustifiedFromTheSecond() {
    BeaconState before = withFfg(state(5, 64, 64), Bits.zeros(4), checkpoint(1), checkpoint(4));

    BeaconState after = processor.processEpoch(before);

    assertThat(after.justificationBits()).isEqualTo(Bits.of(true, true, false, false));
    assertThat(after.finalizedCheckpoint()).isEqualTo(checkpoint(4));
  }

  @Test
  void shouldNotFinalizeWhenTheSourceIsNotAtTheRightDistance() {
    // Bits 1..3 set but the old previous justified checkpoint is 4 epochs back, not 3.
    BeaconState before =
        withFfg(state(6, 64, 0), Bits.of(false, true, true, false), checkpoint(2), checkpoint(2));

    BeaconState after = processor.processEpoch(before);

    assertThat(after.finalizedCheckpoint()).isEqualTo(Checkpoint.GENESIS);
  }

  @Test
  void shouldNotCountSlashedValidatorsTowardsJustification() {
    BeaconState votes = state(5, 43, 43);
    BeaconState oneSlashed =
        votes.updated(
            m -> m.setValidator(0, EpochStates.validator(0, 32_000_000_000L).withSlashed(true)));

    BeaconState after = processor.processEpoch(oneSlashed);

    assertThat(after.currentJustifiedCheckpoint()).isEqualTo(Checkpoint.GENESIS);
  }
}

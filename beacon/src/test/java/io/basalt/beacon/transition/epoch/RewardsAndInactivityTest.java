package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Altair flag rewards, flag penalties, inactivity scores and the inactivity leak. */
class RewardsAndInactivityTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final long MAX = 32_000_000_000L;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  /**
   * 64 validators of 32 ETH at the end of {@code epoch}: 0-47 set all three flags in the previous
   * epoch, 48-55 source and target, 56-59 source only, 60-63 nothing.
   */
  private static BeaconState mixedParticipation(long epoch) {
    List<Validator> validators = new ArrayList<>();
    long[] balances = new long[64];
    int[] previous = new int[64];
    for (int i = 0; i < 64; i++) {
      validators.add(EpochStates.validator(i, MAX));
      balances[i] = MAX;
      previous[i] = i < 48 ? 0b111 : i < 56 ? 0b011 : i < 60 ? 0b001 : 0;
    }
    return EpochStates.build(CONFIG, validators, balances, previous, new int[64], epoch);
  }

  private static long balance(BeaconState state, int index) {
    return state.balances().get(index).value().longValue();
  }

  private static long score(BeaconState state, int index) {
    return state.inactivityScores().get(index).longValue();
  }

  private static BeaconState finalizedAt(BeaconState state, long epoch) {
    return state.updated(
        m -> m.setFinalizedCheckpoint(new Checkpoint(Epoch.of(epoch), Bytes32.ZERO)));
  }

  @Test
  void shouldPayTimelyFlagRewardsAndPenaltiesAsComputedByHand() {
    // Total active 2048 ETH: isqrt(2048e9) = 1,431,083, base reward per increment
    // 64e9 / 1,431,083 = 44,721, base reward 32 * 44,721 = 1,431,072.
    // Participating increments: source 1920, target 1792, head 1536 of 2048 active.
    // Rewards base * weight * increments / (2048 * 64): source 293,481, target 508,701, head
    // 234,785. Penalties base * weight / 64: source 313,047, target 581,373 (none for head).
    BeaconState after = processor.processEpoch(mixedParticipation(3));

    assertThat(balance(after, 0)).isEqualTo(32_001_036_967L); // + all three rewards
    assertThat(balance(after, 48)).isEqualTo(32_000_802_182L); // + source + target
    assertThat(balance(after, 56)).isEqualTo(31_999_712_108L); // + source - target
    assertThat(balance(after, 60)).isEqualTo(31_999_105_580L); // - source - target
  }

  @Test
  void shouldGiveNoRewardsOrPenaltiesAtGenesisEpoch() {
    BeaconState after = processor.processEpoch(mixedParticipation(0));

    for (int i = 0; i < 64; i++) {
      assertThat(balance(after, i)).isEqualTo(MAX);
    }
  }

  @Test
  void shouldRecoverInactivityScoresOutsideALeak() {
    BeaconState before =
        mixedParticipation(3)
            .updated(m -> m.setInactivityScores(m.schemas().inactivityScores().of(scores(64, 20))));

    BeaconState after = processor.processEpoch(before);

    assertThat(score(after, 0)).isEqualTo(20 - 1 - 16); // target voter: -1, then recovery -16
    assertThat(score(after, 60)).isEqualTo(20 + 4 - 16); // missed target: +bias, then recovery
  }

  @Test
  void shouldStartTheLeakOnlyAfterMinEpochsToInactivityPenalty() {
    // Finality delay = previous epoch - finalized epoch; the leak needs delay > 4.
    BeaconState delayFour = finalizedAt(mixedParticipation(9), 4); // previous 8, delay 4
    BeaconState delayFive = finalizedAt(mixedParticipation(10), 4); // previous 9, delay 5

    BeaconState noLeak = processor.processEpoch(delayFour);
    BeaconState leak = processor.processEpoch(delayFive);

    assertThat(balance(noLeak, 0)).isGreaterThan(MAX); // rewarded
    assertThat(score(noLeak, 60)).isZero(); // +4 then recovered
    assertThat(balance(leak, 0)).isEqualTo(MAX); // no rewards during a leak, no penalties
    assertThat(score(leak, 60)).isEqualTo(4); // no recovery during a leak
  }

  @Test
  void shouldPenaliseNonParticipantsByInactivityScoreDuringALeak() {
    BeaconState before =
        finalizedAt(mixedParticipation(10), 0)
            .updated(
                m -> m.setInactivityScores(m.schemas().inactivityScores().of(scores(64, 100))));

    BeaconState after = processor.processEpoch(before);

    // Score of a target misser becomes 104; inactivity penalty 32e9 * 104 / (4 * 2^25).
    long inactivityPenalty = MAX * 104 / (4L * 33_554_432L);
    long flagPenalties = 313_047 + 581_373;
    assertThat(score(after, 60)).isEqualTo(104);
    assertThat(balance(after, 60)).isEqualTo(MAX - flagPenalties - inactivityPenalty);
    // A source-only voter loses the target penalty and the inactivity penalty, gains nothing.
    assertThat(balance(after, 56)).isEqualTo(MAX - 581_373 - inactivityPenalty);
    // A full participant's score drops by one and its balance is untouched.
    assertThat(score(after, 0)).isEqualTo(99);
    assertThat(balance(after, 0)).isEqualTo(MAX);
  }

  @Test
  void shouldLeaveValidatorsThatAreNeitherActiveNorSlashedAlone() {
    BeaconState before =
        mixedParticipation(3)
            .updated(
                m ->
                    m.setValidator(
                        60,
                        EpochStates.validator(60, MAX)
                            .withActivationEpoch(Epoch.of(100))
                            .withActivationEligibilityEpoch(Epoch.of(1))));

    BeaconState after = processor.processEpoch(before);

    assertThat(balance(after, 60)).isEqualTo(MAX);
    assertThat(score(after, 60)).isZero();
  }

  private static List<UInt64> scores(int count, long value) {
    return Collections.nCopies(count, UInt64.valueOf(value));
  }
}

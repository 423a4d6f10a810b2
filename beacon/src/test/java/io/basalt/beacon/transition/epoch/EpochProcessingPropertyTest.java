package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Epoch processing on random states of valid shape: it never throws, and stake is accounted for —
 * balances plus newly queued withdrawals change by exactly the rewards minus the penalties it
 * reports.
 */
class EpochProcessingPropertyTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final long ETH = 1_000_000_000L;
  private static final long FAR = Validator.FAR_FUTURE_EPOCH.value().bits();

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  @Property(tries = 150)
  void shouldConserveStakeUpToReportedRewardsAndPenalties(
      @ForAll @IntRange(min = 1, max = 48) int count,
      @ForAll @LongRange(min = 0, max = 400) long epoch,
      @ForAll long seed) {
    BeaconState before = randomState(count, epoch, new Random(seed));

    EpochOutcome outcome = processor.processEpochWithOutcome(before);
    BeaconState after = outcome.state();

    List<PendingWithdrawal> queued = after.pendingWithdrawals().toList();
    long newlyQueued = 0;
    for (PendingWithdrawal w :
        queued.subList((int) before.pendingWithdrawals().size(), queued.size())) {
      newlyQueued += w.amount().value().longValue();
    }
    long rewards = outcome.rewards().value().longValue();
    long penalties = outcome.penalties().value().longValue();
    assertThat(EpochStates.totalBalance(after) + newlyQueued)
        .isEqualTo(EpochStates.totalBalance(before) + rewards - penalties);
    assertThat(newlyQueued).isEqualTo(outcome.withdrawn().value().longValue());
    assertThat(after.nextWithdrawalIndex().longValue())
        .isEqualTo(before.nextWithdrawalIndex().longValue() + queued.size());
    assertThat(after.validators().size()).isEqualTo(count);
    assertThat(after.inactivityScores().size()).isEqualTo(count);
    assertThat(after.hashTreeRoot()).isNotNull();
  }

  private static BeaconState randomState(int count, long epoch, Random random) {
    List<Validator> validators = new ArrayList<>();
    long[] balances = new long[count];
    int[] previous = new int[count];
    int[] current = new int[count];
    for (int i = 0; i < count; i++) {
      long effective = random.nextInt(33) * ETH;
      boolean slashed = random.nextInt(8) == 0;
      long activation = pick(random, 0, Math.max(0, epoch - 1), epoch + 2, FAR);
      long exit = activation == FAR ? FAR : pick(random, FAR, FAR, activation + random.nextInt(20));
      // Slashed validators sometimes sit exactly halfway (slashing penalty due now); others
      // become withdrawable within a few epochs of their exit, some already by now (withdrawal).
      long withdrawable =
          exit == FAR
              ? FAR
              : slashed
                  ? pick(random, epoch + CONFIG.epochsPerSlashingsVector() / 2, exit + 64)
                  : exit + random.nextInt(10);
      long eligibility = activation == FAR ? pick(random, FAR, epoch / 2) : 0;
      validators.add(
          new Validator(
              EpochStates.validator(i, 0).pubkey(),
              EpochStates.validator(i, 0).withdrawalCredentials(),
              Gwei.of(effective),
              slashed,
              epochOf(eligibility),
              epochOf(activation),
              epochOf(exit),
              epochOf(withdrawable)));
      balances[i] = Math.max(0, effective + (random.nextLong(4 * ETH) - 2 * ETH));
      previous[i] = random.nextInt(8);
      current[i] = random.nextInt(8);
    }
    long finalized = epoch == 0 ? 0 : random.nextLong(epoch);
    List<UInt64> scores = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      scores.add(UInt64.valueOf(random.nextInt(2000)));
    }
    long slashing = random.nextLong(64 * ETH);
    boolean[] bits = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), false};
    return EpochStates.build(CONFIG, validators, balances, previous, current, epoch)
        .updated(
            m ->
                m.setInactivityScores(m.schemas().inactivityScores().of(scores))
                    .setSlashing(epoch % CONFIG.epochsPerSlashingsVector(), Gwei.of(slashing))
                    .setJustificationBits(Bits.of(bits))
                    .setFinalizedCheckpoint(new Checkpoint(Epoch.of(finalized), Bytes32.ZERO))
                    .setCurrentJustifiedCheckpoint(
                        new Checkpoint(Epoch.of(Math.max(finalized, epoch - 1)), Bytes32.ZERO))
                    .setNextWithdrawalIndex(UInt64.valueOf(random.nextInt(100))));
  }

  private static long pick(Random random, long... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static Epoch epochOf(long bits) {
    return new Epoch(UInt64.fromBits(bits));
  }
}

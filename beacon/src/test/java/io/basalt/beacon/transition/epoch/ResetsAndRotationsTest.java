package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The end-of-epoch resets, the historical roots and the rotations of per-epoch data. */
class ResetsAndRotationsTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  @Test
  void shouldResetTheNextSlashingsEntryAndCarryTheRandaoMixForward() {
    // EPOCHS_PER_SLASHINGS_VECTOR = EPOCHS_PER_HISTORICAL_VECTOR = 64 in the local preset.
    BeaconState state =
        EpochStates.active(CONFIG, 16, 63)
            .updated(m -> m.setSlashing(0, Gwei.of(5)).setSlashing(63, Gwei.of(7)));

    BeaconState after = processor.processEpoch(state);

    assertThat(after.slashings().get(0)).isEqualTo(Gwei.ZERO); // (63 + 1) % 64
    assertThat(after.slashings().get(63)).isEqualTo(Gwei.of(7));
    assertThat(after.randaoMixes().get(0)).isEqualTo(EpochStates.root(0xa0, 63));
    assertThat(after.randaoMixes().get(63)).isEqualTo(EpochStates.root(0xa0, 63));
  }

  @Test
  void shouldAppendTheHistoricalBatchRootAtThePeriodBoundary() {
    // SLOTS_PER_HISTORICAL_ROOT / SLOTS_PER_EPOCH = 64 / 8: a root after epochs 7, 15, ...
    BeaconState atBoundary = EpochStates.active(CONFIG, 16, 7);
    BeaconState before = EpochStates.active(CONFIG, 16, 6);

    BeaconState appended = processor.processEpoch(atBoundary);
    BeaconState unchanged = processor.processEpoch(before);

    Bytes32 expected =
        Hash.sha256(
            Bytes.concatenate(
                atBoundary.blockRoots().hashTreeRoot(), atBoundary.stateRoots().hashTreeRoot()));
    assertThat(appended.historicalRoots().toList()).containsExactly(expected);
    assertThat(unchanged.historicalRoots().size()).isZero();
  }

  @Test
  void shouldRotateParticipationAndStartTheNewEpochWithZeroFlags() {
    int[] previous = new int[40];
    int[] current = new int[40];
    for (int i = 0; i < 40; i++) {
      previous[i] = 0b111;
      current[i] = i % 8;
    }
    BeaconState state = stateWithFlags(previous, current);

    BeaconState after = processor.processEpoch(state);

    assertThat(after.previousEpochParticipation()).isEqualTo(state.currentEpochParticipation());
    assertThat(after.currentEpochParticipation().size()).isEqualTo(40);
    assertThat(after.currentEpochParticipation().hashTreeRoot())
        .isEqualTo(state.schemas().participation().of(Collections.nCopies(40, 0)).hashTreeRoot());
    assertThat(after.currentEpochParticipation().get(39)).isZero();
  }

  @Test
  void shouldRotatePendingShardHeadersAndDropThePreviousEpochs() {
    PendingShardHeader old = header(0, 1);
    PendingShardHeader recent = header(2, 9);
    BeaconState state =
        EpochStates.active(CONFIG, 16, 1)
            .updated(
                m ->
                    m.setPreviousEpochPendingShardHeaders(
                            m.schemas().pendingShardHeaders().of(List.of(old)))
                        .setCurrentEpochPendingShardHeaders(
                            m.schemas().pendingShardHeaders().of(List.of(recent))));

    BeaconState after = processor.processEpoch(state);

    assertThat(after.previousEpochPendingShardHeaders().toList()).containsExactly(recent);
    assertThat(after.currentEpochPendingShardHeaders().size()).isZero();
  }

  private static PendingShardHeader header(int shard, long slot) {
    Crosslink genesis = Crosslink.genesis(new ShardId(shard));
    Crosslink crosslink =
        new Crosslink(
            genesis.shard(),
            io.basalt.common.types.Slot.of(slot),
            EpochStates.root(0x5a, (int) slot),
            genesis.stateRoot(),
            genesis.receiptsRoot());
    return PendingShardHeader.unvoted(crosslink, 4);
  }

  private static BeaconState stateWithFlags(int[] previous, int[] current) {
    List<io.basalt.beacon.state.Validator> validators = new ArrayList<>();
    long[] balances = new long[previous.length];
    for (int i = 0; i < previous.length; i++) {
      validators.add(EpochStates.validator(i, 32_000_000_000L));
      balances[i] = 32_000_000_000L;
    }
    return EpochStates.build(CONFIG, validators, balances, previous, current, 3);
  }
}

package io.basalt.beacon.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BeaconStateTest {

  private final BeaconState genesis = TestStates.genesis64();

  @Test
  void updatedShouldLeaveTheOriginalUnchanged() {
    Bytes32 rootBefore = genesis.hashTreeRoot();
    BeaconState next = genesis.updated(m -> m.setBalance(3, Gwei.of(1)).setSlot(Slot.of(1)));
    assertThat(genesis.balances().get(3)).isEqualTo(TestStates.LOCAL.maxEffectiveBalance());
    assertThat(genesis.slot()).isEqualTo(Slot.ZERO);
    assertThat(genesis.hashTreeRoot()).isEqualTo(rootBefore);
    assertThat(next.balances().get(3)).isEqualTo(Gwei.of(1));
    assertThat(next.hashTreeRoot()).isNotEqualTo(rootBefore);
  }

  @Test
  void updatedShouldShareUntouchedSubtrees() {
    BeaconState next = genesis.updated(m -> m.setBalance(7, Gwei.of(5)));
    assertThat(next.validators()).isSameAs(genesis.validators());
    assertThat(next.randaoMixes()).isSameAs(genesis.randaoMixes());
    // Within the balances tree only the path to the changed chunk is new.
    assertThat(next.balances().root().left().right())
        .isSameAs(genesis.balances().root().left().right());
  }

  @Test
  void rootAfterSmallChangesShouldEqualRootOfAStateDecodedFromScratch() {
    BeaconState next =
        genesis.updated(
            m ->
                m.setBalance(10, Gwei.of(123))
                    .setValidator(
                        5, m.validators().get(5).withExitEpoch(io.basalt.common.types.Epoch.of(9)))
                    .setRandaoMix(3, Bytes32.repeat((byte) 1))
                    .setCurrentEpochParticipation(60, 7)
                    .setInactivityScore(1, UInt64.valueOf(4))
                    .setStakingReceiptCursor(3, UInt64.valueOf(11))
                    .setFinalizedCheckpoint(
                        new Checkpoint(
                            io.basalt.common.types.Epoch.of(1), Bytes32.repeat((byte) 2))));
    Bytes encoded = next.schemas().beaconState().serialize(next);
    BeaconState decoded = next.schemas().beaconState().deserialize(encoded);
    assertThat(decoded.hashTreeRoot()).isEqualTo(next.hashTreeRoot());
    assertThat(decoded.schemas().beaconState().serialize(decoded)).isEqualTo(encoded);
    assertThat(decoded.currentEpochParticipation().get(60)).isEqualTo(7);
    assertThat(decoded.stakingReceiptCursors().get(3)).isEqualTo(UInt64.valueOf(11));
  }

  @Test
  void bulkReadsShouldReturnEveryElementInOrder() {
    List<Validator> validators = genesis.validators().toList();
    List<Gwei> balances = genesis.balances().toList();
    assertThat(validators).hasSize(64);
    assertThat(balances).hasSize(64);
    for (int i = 0; i < 64; i += 9) {
      assertThat(validators.get(i)).isEqualTo(genesis.validators().get(i));
      assertThat(balances.get(i)).isEqualTo(genesis.balances().get(i));
    }
  }

  @Test
  void emptyStateShouldHaveGenesisCrosslinksAndZeroVectors() {
    BeaconState empty = genesis.schemas().emptyBeaconState();
    assertThat(empty.latestCrosslinks().size()).isEqualTo(TestStates.LOCAL.shardCount());
    assertThat(empty.latestCrosslinks().get(2).shard().id()).isEqualTo(2);
    assertThat(empty.blockRoots().size()).isEqualTo(TestStates.LOCAL.slotsPerHistoricalRoot());
    assertThat(empty.validators().size()).isZero();
    assertThat(empty.stakingReceiptCursors().toList())
        .hasSize(TestStates.LOCAL.shardCount())
        .containsOnly(UInt64.ZERO);
    assertThat(empty.fork().currentVersion()).isEqualTo(TestStates.LOCAL.genesisForkVersion());
  }

  @Test
  void snapshotShouldSeeChangesMadeSoFar() {
    genesis.updated(
        m -> {
          m.setSlot(Slot.of(42));
          assertThat(m.snapshot().slot()).isEqualTo(Slot.of(42));
        });
  }

  @Test
  void registryColumnsShouldMatchTheValidatorRecords() {
    BeaconState state =
        genesis.updated(
            m ->
                m.setValidator(
                        4,
                        m.validators()
                            .get(4)
                            .withSlashed(true)
                            .withExitEpoch(io.basalt.common.types.Epoch.of(7))
                            .withWithdrawableEpoch(io.basalt.common.types.Epoch.of(300)))
                    .setValidator(5, m.validators().get(5).withEffectiveBalance(Gwei.of(3)))
                    .setBalance(6, Gwei.of(11)));
    RegistryColumns columns = RegistryColumns.of(state);
    List<Validator> validators = state.validators().toList();
    assertThat(columns.size()).isEqualTo(validators.size());
    for (int i = 0; i < columns.size(); i++) {
      Validator v = validators.get(i);
      assertThat(RegistryColumns.gwei(columns.effectiveBalance(i))).isEqualTo(v.effectiveBalance());
      assertThat(columns.slashed(i)).isEqualTo(v.slashed());
      assertThat(RegistryColumns.epoch(columns.activationEligibilityEpoch(i)))
          .isEqualTo(v.activationEligibilityEpoch());
      assertThat(RegistryColumns.epoch(columns.activationEpoch(i))).isEqualTo(v.activationEpoch());
      assertThat(RegistryColumns.epoch(columns.exitEpoch(i))).isEqualTo(v.exitEpoch());
      assertThat(RegistryColumns.epoch(columns.withdrawableEpoch(i)))
          .isEqualTo(v.withdrawableEpoch());
      assertThat(RegistryColumns.gwei(columns.balance(i))).isEqualTo(state.balances().get(i));
    }
    assertThat(columns.isActive(4, io.basalt.common.types.Epoch.of(6))).isTrue();
    assertThat(columns.isActive(4, io.basalt.common.types.Epoch.of(7))).isFalse();
    assertThat(columns.isActive(5, io.basalt.common.types.Epoch.of(1_000_000))).isTrue();
  }
}

package io.basalt.beacon.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

class PredicatesTest {

  private final Predicates predicates = new Predicates(TestStates.LOCAL);
  private final Gwei max = TestStates.LOCAL.maxEffectiveBalance();

  private Validator validator(long activation, long exit, long withdrawable) {
    return new Validator(
        Bytes48.ZERO,
        Bytes32.ZERO,
        max,
        false,
        Epoch.ZERO,
        Epoch.of(activation),
        Epoch.of(exit),
        Epoch.of(withdrawable));
  }

  @Test
  void activeFromActivationEpochUntilBeforeExitEpoch() {
    Validator v = validator(2, 5, 10);
    assertThat(predicates.isActiveValidator(v, Epoch.of(1))).isFalse();
    assertThat(predicates.isActiveValidator(v, Epoch.of(2))).isTrue();
    assertThat(predicates.isActiveValidator(v, Epoch.of(4))).isTrue();
    assertThat(predicates.isActiveValidator(v, Epoch.of(5))).isFalse();
  }

  @Test
  void slashableUntilWithdrawableUnlessAlreadySlashed() {
    Validator v = validator(2, 5, 10);
    assertThat(predicates.isSlashableValidator(v, Epoch.of(9))).isTrue();
    assertThat(predicates.isSlashableValidator(v, Epoch.of(10))).isFalse();
    assertThat(predicates.isSlashableValidator(v, Epoch.of(1))).isFalse();
    assertThat(predicates.isSlashableValidator(v.withSlashed(true), Epoch.of(3))).isFalse();
  }

  @Test
  void activationQueueNeedsAFullDepositAndNoEligibilityYet() {
    Validator fresh =
        validator(0, 0, 0)
            .withActivationEligibilityEpoch(Validator.FAR_FUTURE_EPOCH)
            .withActivationEpoch(Validator.FAR_FUTURE_EPOCH);
    assertThat(predicates.isEligibleForActivationQueue(fresh)).isTrue();
    assertThat(predicates.isEligibleForActivationQueue(fresh.withEffectiveBalance(Gwei.of(1))))
        .isFalse();
    BeaconState state = TestStates.genesis64();
    assertThat(
            predicates.isEligibleForActivation(
                state, fresh.withActivationEligibilityEpoch(Epoch.ZERO)))
        .isTrue();
    assertThat(
            predicates.isEligibleForActivation(
                state, fresh.withActivationEligibilityEpoch(Epoch.of(1))))
        .isFalse();
  }

  @Test
  void indexedAttestationStructureShouldGiveReasons() {
    BeaconState state = TestStates.genesis64();
    AttestationData data =
        new AttestationData(
            Slot.ZERO,
            ShardId.of(0),
            Bytes32.ZERO,
            Checkpoint.GENESIS,
            Checkpoint.GENESIS,
            Bytes32.ZERO);
    Bytes sig = Bytes.wrap(new byte[96]);
    assertThat(
            predicates.checkIndexedAttestationStructure(
                state,
                new IndexedAttestation(
                    List.of(ValidatorIndex.of(1), ValidatorIndex.of(3)), data, sig)))
        .isEmpty();
    assertThat(
            predicates.checkIndexedAttestationStructure(
                state, new IndexedAttestation(List.of(), data, sig)))
        .get()
        .extracting(InvalidReason::description)
        .asString()
        .contains("no attesting indices");
    assertThat(
            predicates.checkIndexedAttestationStructure(
                state,
                new IndexedAttestation(
                    List.of(ValidatorIndex.of(3), ValidatorIndex.of(3)), data, sig)))
        .get()
        .extracting(InvalidReason::description)
        .asString()
        .contains("sorted and unique");
    assertThat(
            predicates.checkIndexedAttestationStructure(
                state, new IndexedAttestation(List.of(ValidatorIndex.of(64)), data, sig)))
        .get()
        .extracting(InvalidReason::description)
        .asString()
        .contains("outside the registry");
  }
}

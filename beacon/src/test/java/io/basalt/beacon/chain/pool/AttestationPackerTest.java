package io.basalt.beacon.chain.pool;

import static io.basalt.beacon.chain.pool.AttestationPoolTest.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Hand-built cases on the 64-validator genesis at slot 9 (epoch 1): 4 shards x 8 slots share 64
 * validators, so every committee has 2 members.
 */
class AttestationPackerTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  private final AttestationPacker packer = new AttestationPacker(CONFIG, accessors);
  private final BeaconState state = TestStates.atSlot(TestStates.genesis64(), 9);
  private static final Bytes SIG = Bytes.wrap(new byte[96]);

  private final Attestation both = attestation(data(8, 0), 0, 1);
  private final Attestation firstOnly = attestation(data(8, 0), 0);
  private final Attestation otherCommittee = attestation(data(8, 1), 1);

  @Test
  void shouldPickGreedilyByNewCoverage() {
    List<Attestation> packed = packer.pack(state, List.of(firstOnly, otherCommittee, both), 10);

    // "both" adds 2, then "otherCommittee" adds 1; "firstOnly" adds nothing after "both".
    assertThat(packed).containsExactly(both, otherCommittee);
  }

  @Test
  void shouldStopAtMaximum() {
    assertThat(packer.pack(state, List.of(firstOnly, otherCommittee, both), 1))
        .containsExactly(both);
  }

  @Test
  void shouldNotCountValidatorsAlreadyInParticipation() {
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(state, Slot.of(8), ShardId.of(0));
    BeaconState counted =
        state.updated(
            m -> committee.forEach(v -> m.setCurrentEpochParticipation(v.value().longValue(), 3)));

    assertThat(packer.pack(counted, List.of(both, firstOnly, otherCommittee), 10))
        .containsExactly(otherCommittee);
  }

  @Test
  void shouldCountCurrentAndPreviousTargetsSeparately() {
    Attestation previous = attestation(data(2, 0), 0, 1);
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(state, Slot.of(2), ShardId.of(0));
    // Counted for the current epoch only: still new for the previous epoch's target.
    BeaconState counted =
        state.updated(
            m -> committee.forEach(v -> m.setCurrentEpochParticipation(v.value().longValue(), 3)));
    assertThat(packer.pack(counted, List.of(previous), 10)).containsExactly(previous);
  }

  @Test
  void shouldOnlyPackAttestationsIncludableAtTheStateSlot() {
    Attestation sameSlot = attestation(data(9, 0), 0);
    Attestation tooOld = attestation(data(0, 0), 0);
    Attestation wrongSource =
        attestation(
            withSource(data(8, 2), new Checkpoint(Epoch.ZERO, Bytes32.repeat((byte) 5))), 0);
    Attestation wrongTargetEpoch = attestation(withTarget(data(8, 3), Epoch.ZERO), 0);
    Attestation badBits = new Attestation(bits(3, 0), data(8, 0), SIG);
    Attestation good = attestation(data(7, 0), 1);

    assertThat(
            packer.pack(
                state, List.of(sameSlot, tooOld, wrongSource, wrongTargetEpoch, badBits, good), 10))
        .containsExactly(good);
  }

  @Test
  void shouldPackThroughThePool() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    AttestationData data = data(8, 0);
    pool.add(AttestationPoolTest.signed(data, 2, 0));
    pool.add(AttestationPoolTest.signed(data, 2, 1));

    List<Attestation> packed = pool.getAttestationsForBlock(state, 10);

    assertThat(packed).hasSize(1);
    assertThat(packed.get(0).aggregationBits()).isEqualTo(bits(2, 0, 1));
  }

  private static AttestationData data(long slot, int shard) {
    return new AttestationData(
        Slot.of(slot),
        ShardId.of(shard),
        Bytes32.repeat((byte) 1),
        Checkpoint.GENESIS,
        new Checkpoint(Epoch.of(slot / CONFIG.slotsPerEpoch()), Bytes32.ZERO),
        Bytes32.ZERO);
  }

  private static AttestationData withSource(AttestationData d, Checkpoint source) {
    return new AttestationData(
        d.slot(), d.shard(), d.beaconBlockRoot(), source, d.target(), d.shardHeadRoot());
  }

  private static AttestationData withTarget(AttestationData d, Epoch epoch) {
    return new AttestationData(
        d.slot(),
        d.shard(),
        d.beaconBlockRoot(),
        d.source(),
        new Checkpoint(epoch, Bytes32.ZERO),
        d.shardHeadRoot());
  }

  private static Attestation attestation(AttestationData data, int... members) {
    return new Attestation(bits(2, members), data, SIG);
  }
}

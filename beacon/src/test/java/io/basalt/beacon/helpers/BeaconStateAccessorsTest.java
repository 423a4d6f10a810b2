package io.basalt.beacon.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BeaconStateAccessorsTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  private final BeaconState genesis = TestStates.genesis64();

  @Test
  void committeesShouldPartitionTheActiveSetEveryEpoch() {
    // A state in epoch 3 sees committees of epochs 2, 3 and 4.
    BeaconState state = withDistinctMixes(TestStates.atSlot(genesis, 3L * CONFIG.slotsPerEpoch()));
    for (long epoch = 2; epoch <= 4; epoch++) {
      List<ValidatorIndex> seen = new ArrayList<>();
      for (long s = 0; s < CONFIG.slotsPerEpoch(); s++) {
        Slot slot = Slot.of(epoch * CONFIG.slotsPerEpoch() + s);
        assertThat(accessors.getCommitteeCountPerSlot(state, Epoch.of(epoch)))
            .isEqualTo(CONFIG.shardCount());
        for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
          List<ValidatorIndex> committee =
              accessors.getBeaconCommittee(state, slot, ShardId.of(shard));
          assertThat(committee).hasSize(64 / (CONFIG.slotsPerEpoch() * CONFIG.shardCount()));
          seen.addAll(committee);
        }
      }
      assertThat(seen).hasSize(64);
      assertThat(new HashSet<>(seen))
          .isEqualTo(new HashSet<>(accessors.getActiveValidatorIndices(state, Epoch.of(epoch))));
    }
  }

  @Test
  void committeeShouldEqualThePerIndexSpecComputation() {
    BeaconState state = withDistinctMixes(genesis);
    Slot slot = Slot.of(5);
    ShardId shard = ShardId.of(3);
    Bytes32 seed = accessors.getSeed(state, Epoch.ZERO, CONFIG.domainBeaconAttester());
    List<ValidatorIndex> expected =
        accessors
            .misc()
            .computeCommittee(
                accessors.getActiveValidatorIndices(state, Epoch.ZERO),
                seed,
                5 * CONFIG.shardCount() + 3,
                CONFIG.shardCount() * CONFIG.slotsPerEpoch());
    assertThat(accessors.getBeaconCommittee(state, slot, shard)).isEqualTo(expected);
  }

  @Test
  void committeesShouldChangeWithTheSeed() {
    BeaconState other =
        genesis.updated(
            m -> m.setRandaoMix(CONFIG.epochsPerHistoricalVector() - 2, Bytes32.repeat((byte) 9)));
    List<List<ValidatorIndex>> a = new ArrayList<>();
    List<List<ValidatorIndex>> b = new ArrayList<>();
    for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
      a.add(accessors.getBeaconCommittee(genesis, Slot.ZERO, ShardId.of(shard)));
      b.add(accessors.getBeaconCommittee(other, Slot.ZERO, ShardId.of(shard)));
    }
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void committeesOutsideThePreviousToNextEpochShouldBeRejected() {
    BeaconState state = TestStates.atSlot(genesis, 3L * CONFIG.slotsPerEpoch());
    assertThatThrownBy(
            () ->
                accessors.getBeaconCommittee(
                    state, Slot.of(5L * CONFIG.slotsPerEpoch()), ShardId.of(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No committees for epoch 5");
    assertThatThrownBy(() -> accessors.getBeaconCommittee(state, state.slot(), ShardId.of(99)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHARD_COUNT");
  }

  @Test
  void proposerShouldBeActiveAndDeterministic() {
    Set<ValidatorIndex> active =
        new HashSet<>(accessors.getActiveValidatorIndices(genesis, Epoch.ZERO));
    Set<ValidatorIndex> proposers = new HashSet<>();
    for (long slot = 0; slot < CONFIG.slotsPerEpoch(); slot++) {
      BeaconState state = TestStates.atSlot(genesis, slot);
      ValidatorIndex proposer = accessors.getBeaconProposerIndex(state);
      assertThat(active).contains(proposer);
      assertThat(new BeaconStateAccessors(CONFIG).getBeaconProposerIndex(state))
          .isEqualTo(proposer);
      proposers.add(proposer);
    }
    assertThat(proposers.size()).isGreaterThan(1);
  }

  @Test
  void shardProposerShouldBeAMemberOfThatShardsCommittee() {
    for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
      Slot slot = Slot.of(3);
      ValidatorIndex proposer = accessors.getShardProposerIndex(genesis, slot, ShardId.of(shard));
      assertThat(accessors.getBeaconCommittee(genesis, slot, ShardId.of(shard))).contains(proposer);
    }
  }

  @Test
  void cachedAndFreshShufflingsShouldAgree() {
    ShufflingCache cache = new ShufflingCache(2);
    BeaconStateAccessors cached = new BeaconStateAccessors(CONFIG, cache);
    BeaconState state = withDistinctMixes(TestStates.atSlot(genesis, 2L * CONFIG.slotsPerEpoch()));
    for (long epoch = 1; epoch <= 3; epoch++) {
      EpochShuffling first = cached.getEpochShuffling(state, Epoch.of(epoch));
      assertThat(cached.getEpochShuffling(state, Epoch.of(epoch))).isSameAs(first);
      assertThat(first.shuffledIndices())
          .isEqualTo(
              new BeaconStateAccessors(CONFIG)
                  .getEpochShuffling(state, Epoch.of(epoch))
                  .shuffledIndices());
    }
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void totalBalancesShouldSumEffectiveBalancesWithAFloor() {
    Gwei max = CONFIG.maxEffectiveBalance();
    assertThat(accessors.getTotalActiveBalance(genesis)).isEqualTo(max.times(64));
    assertThat(
            accessors.getTotalBalance(genesis, List.of(ValidatorIndex.of(1), ValidatorIndex.of(2))))
        .isEqualTo(max.times(2));
    assertThat(accessors.getTotalBalance(genesis, List.of()))
        .isEqualTo(CONFIG.effectiveBalanceIncrement());
  }

  @Test
  void churnLimitShouldBeTheMinimumForASmallRegistry() {
    assertThat(accessors.getValidatorChurnLimit(genesis)).isEqualTo(CONFIG.minPerEpochChurnLimit());
  }

  @Test
  void domainShouldBindForkVersionAndGenesisValidatorsRoot() {
    assertThat(accessors.getDomain(genesis, CONFIG.domainBeaconAttester()))
        .isEqualTo(
            new SigningHelpers()
                .computeDomain(
                    CONFIG.domainBeaconAttester(),
                    CONFIG.genesisForkVersion(),
                    genesis.genesisValidatorsRoot()));
  }

  @Test
  void blockRootsShouldBeReadOnlyInsideTheHistoryWindow() {
    BeaconState state =
        TestStates.atSlot(genesis, 10).updated(m -> m.setBlockRoot(4, Bytes32.repeat((byte) 4)));
    assertThat(accessors.getBlockRootAtSlot(state, Slot.of(4))).isEqualTo(Bytes32.repeat((byte) 4));
    assertThat(accessors.getBlockRoot(state, Epoch.ZERO)).isEqualTo(Bytes32.ZERO);
    assertThatThrownBy(() -> accessors.getBlockRootAtSlot(state, Slot.of(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the block root history");
  }

  @Test
  void attestingIndicesShouldBeTheSetBitsMembersSorted() {
    Slot slot = Slot.of(2);
    ShardId shard = ShardId.of(1);
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(genesis, slot, shard);
    AttestationData data =
        new AttestationData(
            slot, shard, Bytes32.ZERO, Checkpoint.GENESIS, Checkpoint.GENESIS, Bytes32.ZERO);
    Attestation attestation = new Attestation(Bits.of(true, false), data, Bytes.wrap(new byte[96]));
    IndexedAttestation indexed = accessors.getIndexedAttestation(genesis, attestation);
    assertThat(indexed.attestingIndices()).containsExactly(committee.get(0));
    Attestation wrongSize = new Attestation(Bits.of(true), data, Bytes.wrap(new byte[96]));
    assertThatThrownBy(() -> accessors.getAttestingIndices(genesis, wrongSize))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregation bits");
  }

  @Test
  void epochsShouldFollowTheSlot() {
    BeaconState state = TestStates.atSlot(genesis, 17);
    assertThat(accessors.getCurrentEpoch(state)).isEqualTo(Epoch.of(2));
    assertThat(accessors.getPreviousEpoch(state)).isEqualTo(Epoch.of(1));
    assertThat(accessors.getPreviousEpoch(genesis)).isEqualTo(Epoch.ZERO);
  }

  /** Different RANDAO mixes per epoch, so each epoch has its own shuffle. */
  private static BeaconState withDistinctMixes(BeaconState state) {
    return state.updated(
        m -> {
          for (int i = 0; i < CONFIG.epochsPerHistoricalVector(); i++) {
            m.setRandaoMix(i, Bytes32.leftPad(Bytes.ofUnsignedInt(i + 1)));
          }
          m.setInactivityScore(0, UInt64.ZERO);
        });
  }
}

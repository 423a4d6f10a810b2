package io.basalt.beacon.helpers;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.RegistryColumns;
import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.helpers.MiscHelpers;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The phase0/Altair state accessors, with Basalt's shard committees. Pure functions of the config
 * and the state; thread-safe. Shufflings are computed once per epoch and kept in the {@link
 * ShufflingCache} given to the constructor (or recomputed per call without one).
 *
 * <p>Out-of-range arguments (an epoch without committees yet, a slot outside the root history, a
 * shard that does not exist) throw {@link IllegalArgumentException} naming the value and the range.
 */
public final class BeaconStateAccessors {

  private final SpecConfig config;
  private final MiscHelpers misc;
  private final SigningHelpers signing = new SigningHelpers();
  private final ShufflingCache cache;

  /** Accessors that cache shufflings in {@code cache}. */
  public BeaconStateAccessors(SpecConfig config, ShufflingCache cache) {
    this.config = Objects.requireNonNull(config, "config");
    this.misc = new MiscHelpers(config);
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** Accessors with a small private cache (tests, tools). */
  public BeaconStateAccessors(SpecConfig config) {
    this(config, new ShufflingCache(4));
  }

  public MiscHelpers misc() {
    return misc;
  }

  // spec: get_current_epoch
  public Epoch getCurrentEpoch(BeaconState state) {
    return misc.computeEpochAtSlot(state.slot());
  }

  /** The previous epoch, or genesis at genesis. */
  // spec: get_previous_epoch
  public Epoch getPreviousEpoch(BeaconState state) {
    Epoch current = getCurrentEpoch(state);
    return current.equals(Epoch.ZERO) ? Epoch.ZERO : current.minus(1);
  }

  /** The block root at the start of {@code epoch}. */
  // spec: get_block_root
  public Bytes32 getBlockRoot(BeaconState state, Epoch epoch) {
    return getBlockRootAtSlot(state, misc.computeStartSlotAtEpoch(epoch));
  }

  /**
   * The root of the latest block at or before {@code slot}, for {@code state.slot -
   * SLOTS_PER_HISTORICAL_ROOT <= slot < state.slot}.
   */
  // spec: get_block_root_at_slot
  public Bytes32 getBlockRootAtSlot(BeaconState state, Slot slot) {
    checkHistory(state, slot);
    return state.blockRoots().get(slot.value().mod(config.slotsPerHistoricalRoot()).longValue());
  }

  private void checkHistory(BeaconState state, Slot slot) {
    boolean recent =
        slot.isBefore(state.slot())
            && !state
                .slot()
                .value()
                .isGreaterThan(slot.value().plus(config.slotsPerHistoricalRoot()));
    if (!recent) {
      throw new IllegalArgumentException(
          "Slot " + slot + " is outside the block root history of a state at slot " + state.slot());
    }
  }

  // spec: get_randao_mix
  public Bytes32 getRandaoMix(BeaconState state, Epoch epoch) {
    return state
        .randaoMixes()
        .get(epoch.value().mod(config.epochsPerHistoricalVector()).longValue());
  }

  /**
   * The validators active at {@code epoch}, in increasing order; one walk over the registry (use
   * the cached {@link #getEpochShuffling} for the current, previous and next epoch).
   */
  // spec: get_active_validator_indices
  public List<ValidatorIndex> getActiveValidatorIndices(BeaconState state, Epoch epoch) {
    int[] active = activeIndices(RegistryColumns.of(state), epoch);
    List<ValidatorIndex> indices = new ArrayList<>(active.length);
    for (int index : active) {
      indices.add(ValidatorIndex.of(index));
    }
    return indices;
  }

  private static int[] activeIndices(RegistryColumns registry, Epoch epoch) {
    int[] active = new int[registry.size()];
    int count = 0;
    for (int i = 0; i < registry.size(); i++) {
      if (registry.isActive(i, epoch)) {
        active[count++] = i;
      }
    }
    return Arrays.copyOf(active, count);
  }

  // spec: get_validator_churn_limit
  public UInt64 getValidatorChurnLimit(BeaconState state) {
    int active = getEpochShuffling(state, getCurrentEpoch(state)).activeCount();
    return config
        .minPerEpochChurnLimit()
        .max(UInt64.valueOf(active).dividedBy(config.churnLimitQuotient()));
  }

  /**
   * {@code hash(domain_type ‖ uint_to_bytes(epoch) ‖ mix)}, the mix of {@code epoch -
   * MIN_SEED_LOOKAHEAD - 1}.
   */
  // spec: get_seed
  public Bytes32 getSeed(BeaconState state, Epoch epoch, Bytes4 domainType) {
    long mixEpoch =
        epoch
            .value()
            .plus(config.epochsPerHistoricalVector())
            .minus(config.minSeedLookahead().value())
            .minus(1)
            .longValue();
    Bytes32 mix = getRandaoMix(state, Epoch.of(mixEpoch));
    return Hash.sha256(
        Bytes.concatenate(domainType.bytes(), MiscHelpers.uintToBytes(epoch.value()), mix));
  }

  /** Always {@code SHARD_COUNT}: one committee per shard per slot. */
  // spec: get_committee_count_per_slot
  public int getCommitteeCountPerSlot(BeaconState state, Epoch epoch) {
    return config.shardCount();
  }

  /**
   * The committees of {@code epoch}, which must be the previous, current or next epoch of {@code
   * state}; shuffled once and cached.
   */
  public EpochShuffling getEpochShuffling(BeaconState state, Epoch epoch) {
    Epoch current = getCurrentEpoch(state);
    if (epoch.isBefore(getPreviousEpoch(state)) || epoch.isAfter(current.plus(1))) {
      throw new IllegalArgumentException(
          "No committees for epoch " + epoch + " in a state at epoch " + current);
    }
    Bytes32 seed = getSeed(state, epoch, config.domainBeaconAttester());
    ShufflingCache.Key key =
        new ShufflingCache.Key(epoch.value().longValue(), seed, decisionRoot(state, epoch));
    return cache.get(key, () -> computeShuffling(state, epoch, seed));
  }

  private Bytes32 decisionRoot(BeaconState state, Epoch epoch) {
    long decidingEpoch = epoch.value().longValue() - config.minSeedLookahead().value().longValue();
    if (decidingEpoch <= 0) {
      // Decided by the genesis state itself.
      return state.genesisValidatorsRoot();
    }
    Slot lastSlotBefore = misc.computeStartSlotAtEpoch(Epoch.of(decidingEpoch)).minus(1);
    return getBlockRootAtSlot(state, lastSlotBefore);
  }

  private EpochShuffling computeShuffling(BeaconState state, Epoch epoch, Bytes32 seed) {
    int[] active = activeIndices(RegistryColumns.of(state), epoch);
    int[] shuffled = active.length == 0 ? active : misc.shuffleList(active, seed);
    return new EpochShuffling(
        epoch.value().longValue(),
        seed,
        active,
        shuffled,
        config.slotsPerEpoch(),
        config.shardCount());
  }

  /**
   * The committee of {@code shard} at {@code slot}: {@code compute_committee(active, seed, (slot %
   * SLOTS_PER_EPOCH) * SHARD_COUNT + shard, SHARD_COUNT * SLOTS_PER_EPOCH)}.
   */
  // spec: get_beacon_committee
  public List<ValidatorIndex> getBeaconCommittee(BeaconState state, Slot slot, ShardId shard) {
    return getEpochShuffling(state, misc.computeEpochAtSlot(slot)).committee(slot, shard);
  }

  /** The proposer of the state's slot, effective-balance weighted. */
  // spec: get_beacon_proposer_index
  public ValidatorIndex getBeaconProposerIndex(BeaconState state) {
    Epoch epoch = getCurrentEpoch(state);
    Bytes32 seed =
        Hash.sha256(
            Bytes.concatenate(
                getSeed(state, epoch, config.domainBeaconProposer()),
                MiscHelpers.uintToBytes(state.slot().value())));
    List<ValidatorIndex> active = getEpochShuffling(state, epoch).activeIndices();
    return misc.computeProposerIndex(active, seed, index -> effectiveBalance(state, index));
  }

  /**
   * The proposer of {@code shard}'s block at {@code slot}: drawn from that slot's committee of the
   * shard, effective-balance weighted, with seed {@code hash(get_seed(epoch, DOMAIN_SHARD_PROPOSER)
   * ‖ uint_to_bytes(slot) ‖ uint_to_bytes(shard))}.
   *
   * @throws IllegalArgumentException also when the committee is empty (fewer active validators than
   *     committees)
   */
  // spec: get_shard_proposer_index
  public ValidatorIndex getShardProposerIndex(BeaconState state, Slot slot, ShardId shard) {
    Epoch epoch = misc.computeEpochAtSlot(slot);
    List<ValidatorIndex> committee = getBeaconCommittee(state, slot, shard);
    Bytes32 seed =
        Hash.sha256(
            Bytes.concatenate(
                getSeed(state, epoch, config.domainShardProposer()),
                MiscHelpers.uintToBytes(slot.value()),
                MiscHelpers.uintToBytes(UInt64.valueOf(shard.id()))));
    return misc.computeProposerIndex(committee, seed, index -> effectiveBalance(state, index));
  }

  private Gwei effectiveBalance(BeaconState state, ValidatorIndex index) {
    return state.validators().get(index.value().longValue()).effectiveBalance();
  }

  /**
   * The summed effective balance, at least {@code EFFECTIVE_BALANCE_INCREMENT} (no division by 0).
   */
  // spec: get_total_balance
  public Gwei getTotalBalance(BeaconState state, Collection<ValidatorIndex> indices) {
    Gwei total = Gwei.ZERO;
    for (ValidatorIndex index : indices) {
      total = total.plus(effectiveBalance(state, index));
    }
    return total.isLessThan(config.effectiveBalanceIncrement())
        ? config.effectiveBalanceIncrement()
        : total;
  }

  /** One walk over the registry. */
  // spec: get_total_active_balance
  public Gwei getTotalActiveBalance(BeaconState state) {
    Epoch epoch = getCurrentEpoch(state);
    RegistryColumns registry = RegistryColumns.of(state);
    UInt64 total = UInt64.ZERO;
    for (int i = 0; i < registry.size(); i++) {
      if (registry.isActive(i, epoch)) {
        total = total.plus(UInt64.fromBits(registry.effectiveBalance(i)));
      }
    }
    Gwei sum = new Gwei(total);
    return sum.isLessThan(config.effectiveBalanceIncrement())
        ? config.effectiveBalanceIncrement()
        : sum;
  }

  /** The signing domain of {@code domainType} at {@code epoch} on the state's chain and fork. */
  // spec: get_domain
  public Bytes32 getDomain(BeaconState state, Bytes4 domainType, Epoch epoch) {
    return signing.getDomain(state.fork(), epoch, domainType, state.genesisValidatorsRoot());
  }

  /** {@link #getDomain(BeaconState, Bytes4, Epoch)} at the state's current epoch. */
  // spec: get_domain
  public Bytes32 getDomain(BeaconState state, Bytes4 domainType) {
    return getDomain(state, domainType, getCurrentEpoch(state));
  }

  /**
   * The validators whose aggregation bits are set, in increasing index order.
   *
   * @throws IllegalArgumentException if the bit count differs from the committee size
   */
  // spec: get_attesting_indices
  public List<ValidatorIndex> getAttestingIndices(BeaconState state, Attestation attestation) {
    List<ValidatorIndex> committee =
        getBeaconCommittee(state, attestation.data().slot(), attestation.data().shard());
    Bits bits = attestation.aggregationBits();
    if (bits.size() != committee.size()) {
      throw new IllegalArgumentException(
          "Attestation has "
              + bits.size()
              + " aggregation bits for a committee of "
              + committee.size());
    }
    List<ValidatorIndex> attesting = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      if (bits.get(i)) {
        attesting.add(committee.get(i));
      }
    }
    attesting.sort(null);
    return attesting;
  }

  // spec: get_indexed_attestation
  public IndexedAttestation getIndexedAttestation(BeaconState state, Attestation attestation) {
    return new IndexedAttestation(
        getAttestingIndices(state, attestation), attestation.data(), attestation.signature());
  }
}

package io.basalt.consensus.config;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Bytes4;
import java.util.Map;

/**
 * The protocol constants of one Basalt network: a preset with the overrides of a config file
 * applied. Immutable. Each component is the spec constant of the same name in camelCase (see {@link
 * ConfigKey} and {@code docs/spec-config.md}).
 *
 * <p>Obtain instances from {@link SpecConfigLoader}, which also checks the relations between values
 * ({@link SpecConfigValidator}); the canonical constructor checks nothing.
 */
public record SpecConfig(
    String presetBase,
    UInt64 secondsPerSlot,
    UInt64 genesisDelay,
    int intervalsPerSlot,
    int slotsPerEpoch,
    int shardCount,
    int targetCommitteeSize,
    int maxValidatorsPerCommittee,
    int targetAggregatorsPerCommittee,
    int shuffleRoundCount,
    UInt64 chainIdBase,
    UInt64 shardGasLimit,
    UInt64 initialBaseFeePerGas,
    int maxIncomingReceipts,
    UInt64 minPerEpochChurnLimit,
    UInt64 churnLimitQuotient,
    UInt64 hysteresisQuotient,
    UInt64 hysteresisDownwardMultiplier,
    UInt64 hysteresisUpwardMultiplier,
    Gwei minDepositAmount,
    Gwei maxEffectiveBalance,
    Gwei ejectionBalance,
    Gwei effectiveBalanceIncrement,
    Slot minAttestationInclusionDelay,
    Epoch minSeedLookahead,
    Epoch maxSeedLookahead,
    Epoch minEpochsToInactivityPenalty,
    Epoch minValidatorWithdrawabilityDelay,
    Epoch shardCommitteePeriod,
    int epochsPerHistoricalVector,
    int epochsPerSlashingsVector,
    int slotsPerHistoricalRoot,
    UInt64 baseRewardFactor,
    UInt64 whistleblowerRewardQuotient,
    UInt64 proposerRewardQuotient,
    UInt64 inactivityPenaltyQuotient,
    UInt64 minSlashingPenaltyQuotient,
    UInt64 proportionalSlashingMultiplier,
    UInt64 proposerScoreBoost,
    int maxProposerSlashings,
    int maxAttesterSlashings,
    int maxAttestations,
    int maxDeposits,
    int maxVoluntaryExits,
    Bytes4 genesisForkVersion,
    Bytes4 domainBeaconProposer,
    Bytes4 domainBeaconAttester,
    Bytes4 domainRandao,
    Bytes4 domainDeposit,
    Bytes4 domainVoluntaryExit,
    Bytes4 domainSelectionProof,
    Bytes4 domainAggregateAndProof,
    Bytes4 domainShardProposer) {

  /** The EIP-155 chain id of {@code shard}: {@code CHAIN_ID_BASE + shard}. */
  public UInt64 chainId(ShardId shard) {
    if (shard.id() >= shardCount) {
      throw new IllegalArgumentException(
          "Shard " + shard + " does not exist; SHARD_COUNT is " + shardCount);
    }
    return chainIdBase.plus(shard.id());
  }

  /** Builds the record from one parsed value per key (every key must be present). */
  static SpecConfig from(String presetBase, Map<ConfigKey, Object> v) {
    return new SpecConfig(
        presetBase,
        get(v, ConfigKey.SECONDS_PER_SLOT, UInt64.class),
        get(v, ConfigKey.GENESIS_DELAY, UInt64.class),
        get(v, ConfigKey.INTERVALS_PER_SLOT, Integer.class),
        get(v, ConfigKey.SLOTS_PER_EPOCH, Integer.class),
        get(v, ConfigKey.SHARD_COUNT, Integer.class),
        get(v, ConfigKey.TARGET_COMMITTEE_SIZE, Integer.class),
        get(v, ConfigKey.MAX_VALIDATORS_PER_COMMITTEE, Integer.class),
        get(v, ConfigKey.TARGET_AGGREGATORS_PER_COMMITTEE, Integer.class),
        get(v, ConfigKey.SHUFFLE_ROUND_COUNT, Integer.class),
        get(v, ConfigKey.CHAIN_ID_BASE, UInt64.class),
        get(v, ConfigKey.SHARD_GAS_LIMIT, UInt64.class),
        get(v, ConfigKey.INITIAL_BASE_FEE_PER_GAS, UInt64.class),
        get(v, ConfigKey.MAX_INCOMING_RECEIPTS, Integer.class),
        get(v, ConfigKey.MIN_PER_EPOCH_CHURN_LIMIT, UInt64.class),
        get(v, ConfigKey.CHURN_LIMIT_QUOTIENT, UInt64.class),
        get(v, ConfigKey.HYSTERESIS_QUOTIENT, UInt64.class),
        get(v, ConfigKey.HYSTERESIS_DOWNWARD_MULTIPLIER, UInt64.class),
        get(v, ConfigKey.HYSTERESIS_UPWARD_MULTIPLIER, UInt64.class),
        get(v, ConfigKey.MIN_DEPOSIT_AMOUNT, Gwei.class),
        get(v, ConfigKey.MAX_EFFECTIVE_BALANCE, Gwei.class),
        get(v, ConfigKey.EJECTION_BALANCE, Gwei.class),
        get(v, ConfigKey.EFFECTIVE_BALANCE_INCREMENT, Gwei.class),
        get(v, ConfigKey.MIN_ATTESTATION_INCLUSION_DELAY, Slot.class),
        get(v, ConfigKey.MIN_SEED_LOOKAHEAD, Epoch.class),
        get(v, ConfigKey.MAX_SEED_LOOKAHEAD, Epoch.class),
        get(v, ConfigKey.MIN_EPOCHS_TO_INACTIVITY_PENALTY, Epoch.class),
        get(v, ConfigKey.MIN_VALIDATOR_WITHDRAWABILITY_DELAY, Epoch.class),
        get(v, ConfigKey.SHARD_COMMITTEE_PERIOD, Epoch.class),
        get(v, ConfigKey.EPOCHS_PER_HISTORICAL_VECTOR, Integer.class),
        get(v, ConfigKey.EPOCHS_PER_SLASHINGS_VECTOR, Integer.class),
        get(v, ConfigKey.SLOTS_PER_HISTORICAL_ROOT, Integer.class),
        get(v, ConfigKey.BASE_REWARD_FACTOR, UInt64.class),
        get(v, ConfigKey.WHISTLEBLOWER_REWARD_QUOTIENT, UInt64.class),
        get(v, ConfigKey.PROPOSER_REWARD_QUOTIENT, UInt64.class),
        get(v, ConfigKey.INACTIVITY_PENALTY_QUOTIENT, UInt64.class),
        get(v, ConfigKey.MIN_SLASHING_PENALTY_QUOTIENT, UInt64.class),
        get(v, ConfigKey.PROPORTIONAL_SLASHING_MULTIPLIER, UInt64.class),
        get(v, ConfigKey.PROPOSER_SCORE_BOOST, UInt64.class),
        get(v, ConfigKey.MAX_PROPOSER_SLASHINGS, Integer.class),
        get(v, ConfigKey.MAX_ATTESTER_SLASHINGS, Integer.class),
        get(v, ConfigKey.MAX_ATTESTATIONS, Integer.class),
        get(v, ConfigKey.MAX_DEPOSITS, Integer.class),
        get(v, ConfigKey.MAX_VOLUNTARY_EXITS, Integer.class),
        get(v, ConfigKey.GENESIS_FORK_VERSION, Bytes4.class),
        get(v, ConfigKey.DOMAIN_BEACON_PROPOSER, Bytes4.class),
        get(v, ConfigKey.DOMAIN_BEACON_ATTESTER, Bytes4.class),
        get(v, ConfigKey.DOMAIN_RANDAO, Bytes4.class),
        get(v, ConfigKey.DOMAIN_DEPOSIT, Bytes4.class),
        get(v, ConfigKey.DOMAIN_VOLUNTARY_EXIT, Bytes4.class),
        get(v, ConfigKey.DOMAIN_SELECTION_PROOF, Bytes4.class),
        get(v, ConfigKey.DOMAIN_AGGREGATE_AND_PROOF, Bytes4.class),
        get(v, ConfigKey.DOMAIN_SHARD_PROPOSER, Bytes4.class));
  }

  private static <T> T get(Map<ConfigKey, Object> values, ConfigKey key, Class<T> type) {
    Object value = values.get(key);
    if (value == null) {
      throw new SpecConfigException(key.name(), "missing value for " + key.name());
    }
    return type.cast(value);
  }
}

package io.basalt.consensus.config;

import java.util.Optional;

/**
 * Every key a spec config file may set, with the type of its value. The names are the spec's
 * UPPER_SNAKE names; a preset file must set every one of them.
 */
public enum ConfigKey {
  // Time
  SECONDS_PER_SLOT(ValueType.UINT64),
  GENESIS_DELAY(ValueType.UINT64),
  INTERVALS_PER_SLOT(ValueType.INT),
  SLOTS_PER_EPOCH(ValueType.INT),
  // Sharding and committees
  SHARD_COUNT(ValueType.INT),
  TARGET_COMMITTEE_SIZE(ValueType.INT),
  MAX_VALIDATORS_PER_COMMITTEE(ValueType.INT),
  TARGET_AGGREGATORS_PER_COMMITTEE(ValueType.INT),
  SHUFFLE_ROUND_COUNT(ValueType.UINT8),
  CHAIN_ID_BASE(ValueType.UINT64),
  // Shard blocks
  SHARD_GAS_LIMIT(ValueType.UINT64),
  INITIAL_BASE_FEE_PER_GAS(ValueType.UINT64),
  MAX_INCOMING_RECEIPTS(ValueType.INT),
  // Validator churn and effective-balance hysteresis
  MIN_PER_EPOCH_CHURN_LIMIT(ValueType.UINT64),
  CHURN_LIMIT_QUOTIENT(ValueType.UINT64),
  HYSTERESIS_QUOTIENT(ValueType.UINT64),
  HYSTERESIS_DOWNWARD_MULTIPLIER(ValueType.UINT64),
  HYSTERESIS_UPWARD_MULTIPLIER(ValueType.UINT64),
  // Gwei values
  MIN_DEPOSIT_AMOUNT(ValueType.GWEI),
  MAX_EFFECTIVE_BALANCE(ValueType.GWEI),
  EJECTION_BALANCE(ValueType.GWEI),
  EFFECTIVE_BALANCE_INCREMENT(ValueType.GWEI),
  // Delays and lookaheads
  MIN_ATTESTATION_INCLUSION_DELAY(ValueType.SLOT),
  MIN_SEED_LOOKAHEAD(ValueType.EPOCH),
  MAX_SEED_LOOKAHEAD(ValueType.EPOCH),
  MIN_EPOCHS_TO_INACTIVITY_PENALTY(ValueType.EPOCH),
  MIN_VALIDATOR_WITHDRAWABILITY_DELAY(ValueType.EPOCH),
  SHARD_COMMITTEE_PERIOD(ValueType.EPOCH),
  // State list lengths
  EPOCHS_PER_HISTORICAL_VECTOR(ValueType.INT),
  EPOCHS_PER_SLASHINGS_VECTOR(ValueType.INT),
  SLOTS_PER_HISTORICAL_ROOT(ValueType.INT),
  // Rewards and penalties
  BASE_REWARD_FACTOR(ValueType.UINT64),
  WHISTLEBLOWER_REWARD_QUOTIENT(ValueType.UINT64),
  PROPOSER_REWARD_QUOTIENT(ValueType.UINT64),
  INACTIVITY_PENALTY_QUOTIENT(ValueType.UINT64),
  MIN_SLASHING_PENALTY_QUOTIENT(ValueType.UINT64),
  PROPORTIONAL_SLASHING_MULTIPLIER(ValueType.UINT64),
  // Fork choice
  PROPOSER_SCORE_BOOST(ValueType.UINT64),
  // Max operations per block
  MAX_PROPOSER_SLASHINGS(ValueType.INT),
  MAX_ATTESTER_SLASHINGS(ValueType.INT),
  MAX_ATTESTATIONS(ValueType.INT),
  MAX_DEPOSITS(ValueType.INT),
  MAX_VOLUNTARY_EXITS(ValueType.INT),
  // Fork version and signing domain types
  GENESIS_FORK_VERSION(ValueType.BYTES4),
  DOMAIN_BEACON_PROPOSER(ValueType.BYTES4),
  DOMAIN_BEACON_ATTESTER(ValueType.BYTES4),
  DOMAIN_RANDAO(ValueType.BYTES4),
  DOMAIN_DEPOSIT(ValueType.BYTES4),
  DOMAIN_VOLUNTARY_EXIT(ValueType.BYTES4),
  DOMAIN_SELECTION_PROOF(ValueType.BYTES4),
  DOMAIN_AGGREGATE_AND_PROOF(ValueType.BYTES4),
  DOMAIN_SHARD_PROPOSER(ValueType.BYTES4);

  private final ValueType type;

  ConfigKey(ValueType type) {
    this.type = type;
  }

  ValueType type() {
    return type;
  }

  /** The key named {@code name} exactly, if there is one. */
  static Optional<ConfigKey> byName(String name) {
    for (ConfigKey key : values()) {
      if (key.name().equals(name)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}

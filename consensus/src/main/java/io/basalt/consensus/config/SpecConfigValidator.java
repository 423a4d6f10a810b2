package io.basalt.consensus.config;

import io.basalt.common.types.UInt64;

/**
 * Checks the relations between config values that the protocol code relies on (divisors that must
 * not be zero, orderings between balances, list lengths), naming the offending key.
 */
final class SpecConfigValidator {

  /** The gas of one plain transfer: a smaller block gas limit could never hold a transaction. */
  private static final long MIN_SHARD_GAS_LIMIT = 21_000;

  /**
   * The largest chain id MetaMask and other JavaScript tools accept: {@code (2^53 - 1 - 36) / 2},
   * so that an EIP-155 {@code v = chainId * 2 + 36} stays a safe JavaScript integer.
   */
  static final long MAX_JS_SAFE_CHAIN_ID = 4503599627370476L;

  private SpecConfigValidator() {}

  /**
   * @throws SpecConfigException naming the first key whose value breaks a relation
   */
  static void validate(SpecConfig c) {
    positive(ConfigKey.SECONDS_PER_SLOT, c.secondsPerSlot());
    positive(ConfigKey.INTERVALS_PER_SLOT, c.intervalsPerSlot());
    positive(ConfigKey.SLOTS_PER_EPOCH, c.slotsPerEpoch());
    positive(ConfigKey.SHARD_COUNT, c.shardCount());
    positive(ConfigKey.TARGET_COMMITTEE_SIZE, c.targetCommitteeSize());
    positive(ConfigKey.TARGET_AGGREGATORS_PER_COMMITTEE, c.targetAggregatorsPerCommittee());
    check(
        ConfigKey.MAX_VALIDATORS_PER_COMMITTEE,
        c.maxValidatorsPerCommittee() >= c.targetCommitteeSize(),
        "must be at least TARGET_COMMITTEE_SIZE (" + c.targetCommitteeSize() + ")");
    check(
        ConfigKey.CHAIN_ID_BASE,
        c.chainIdBase()
            .isLessThanOrEqualTo(UInt64.valueOf(MAX_JS_SAFE_CHAIN_ID - (c.shardCount() - 1L))),
        "plus SHARD_COUNT - 1 must not exceed "
            + MAX_JS_SAFE_CHAIN_ID
            + " (the largest chain id JavaScript wallets accept)");
    check(
        ConfigKey.CHAIN_ID_BASE,
        !c.chainIdBase().isZero(),
        "must be positive (0 is not a chain id)");

    check(
        ConfigKey.SHARD_GAS_LIMIT,
        c.shardGasLimit().isGreaterThanOrEqualTo(UInt64.valueOf(MIN_SHARD_GAS_LIMIT)),
        "must be at least " + MIN_SHARD_GAS_LIMIT + " (one plain transfer)");
    positive(ConfigKey.MAX_INCOMING_RECEIPTS, c.maxIncomingReceipts());

    positive(ConfigKey.MIN_PER_EPOCH_CHURN_LIMIT, c.minPerEpochChurnLimit());
    positive(ConfigKey.CHURN_LIMIT_QUOTIENT, c.churnLimitQuotient());
    positive(ConfigKey.HYSTERESIS_QUOTIENT, c.hysteresisQuotient());

    positive(ConfigKey.EFFECTIVE_BALANCE_INCREMENT, c.effectiveBalanceIncrement().value());
    positive(ConfigKey.MAX_EFFECTIVE_BALANCE, c.maxEffectiveBalance().value());
    check(
        ConfigKey.MAX_EFFECTIVE_BALANCE,
        c.maxEffectiveBalance().value().mod(c.effectiveBalanceIncrement().value()).isZero(),
        "must be a multiple of EFFECTIVE_BALANCE_INCREMENT ("
            + c.effectiveBalanceIncrement()
            + ")");
    check(
        ConfigKey.MAX_EFFECTIVE_BALANCE,
        !c.maxEffectiveBalance().isLessThan(c.ejectionBalance()),
        "must be at least EJECTION_BALANCE (" + c.ejectionBalance() + ")");
    check(
        ConfigKey.MAX_EFFECTIVE_BALANCE,
        !c.maxEffectiveBalance().isLessThan(c.minDepositAmount()),
        "must be at least MIN_DEPOSIT_AMOUNT (" + c.minDepositAmount() + ")");

    check(
        ConfigKey.MAX_SEED_LOOKAHEAD,
        !c.maxSeedLookahead().isBefore(c.minSeedLookahead()),
        "must be at least MIN_SEED_LOOKAHEAD (" + c.minSeedLookahead() + ")");
    // get_seed reads the mix at epoch + EPOCHS_PER_HISTORICAL_VECTOR - MIN_SEED_LOOKAHEAD - 1.
    check(
        ConfigKey.EPOCHS_PER_HISTORICAL_VECTOR,
        UInt64.valueOf(c.epochsPerHistoricalVector())
            .isGreaterThan(c.minSeedLookahead().value().plus(1)),
        "must exceed MIN_SEED_LOOKAHEAD + 1");
    positive(ConfigKey.EPOCHS_PER_SLASHINGS_VECTOR, c.epochsPerSlashingsVector());
    check(
        ConfigKey.SLOTS_PER_HISTORICAL_ROOT,
        c.slotsPerHistoricalRoot() > 0 && c.slotsPerHistoricalRoot() % c.slotsPerEpoch() == 0,
        "must be a positive multiple of SLOTS_PER_EPOCH (" + c.slotsPerEpoch() + ")");

    positive(ConfigKey.WHISTLEBLOWER_REWARD_QUOTIENT, c.whistleblowerRewardQuotient());
    positive(ConfigKey.PROPOSER_REWARD_QUOTIENT, c.proposerRewardQuotient());
    positive(ConfigKey.INACTIVITY_PENALTY_QUOTIENT, c.inactivityPenaltyQuotient());
    positive(ConfigKey.MIN_SLASHING_PENALTY_QUOTIENT, c.minSlashingPenaltyQuotient());
    check(
        ConfigKey.PROPOSER_SCORE_BOOST,
        c.proposerScoreBoost().compareTo(UInt64.valueOf(100)) <= 0,
        "is a percentage and must be at most 100");
    positive(ConfigKey.MAX_ATTESTATIONS, c.maxAttestations());
  }

  private static void positive(ConfigKey key, int value) {
    check(key, value > 0, "must be positive");
  }

  private static void positive(ConfigKey key, UInt64 value) {
    check(key, !value.isZero(), "must be positive");
  }

  private static void check(ConfigKey key, boolean holds, String requirement) {
    if (!holds) {
      throw new SpecConfigException(key.name(), "Invalid spec config: " + key + " " + requirement);
    }
  }
}

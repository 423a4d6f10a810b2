package io.basalt.consensus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Bytes4;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecConfigLoaderTest {

  @Test
  void shouldLoadLocalPresetWithTheDesignTableValues() {
    SpecConfig local = SpecConfigLoader.load("local");

    assertThat(local.presetBase()).isEqualTo("local");
    assertThat(local.secondsPerSlot()).isEqualTo(UInt64.valueOf(2));
    assertThat(local.slotsPerEpoch()).isEqualTo(8);
    assertThat(local.shardCount()).isEqualTo(4);
    assertThat(local.targetCommitteeSize()).isEqualTo(4);
    assertThat(local.shuffleRoundCount()).isEqualTo(10);
    // Ethereum "minimal" values
    assertThat(local.epochsPerHistoricalVector()).isEqualTo(64);
    assertThat(local.slotsPerHistoricalRoot()).isEqualTo(64);
    assertThat(local.maxValidatorsPerCommittee()).isEqualTo(2048);
    assertThat(local.minPerEpochChurnLimit()).isEqualTo(UInt64.valueOf(4));
    assertThat(local.churnLimitQuotient()).isEqualTo(UInt64.valueOf(32));
    assertThat(local.shardCommitteePeriod()).isEqualTo(Epoch.of(64));
    assertThat(local.inactivityPenaltyQuotient()).isEqualTo(UInt64.valueOf(1L << 25));
    assertThat(local.genesisForkVersion()).isEqualTo(Bytes4.fromHexString("0x00000001"));
    assertThat(local.chainIdBase()).isEqualTo(UInt64.valueOf(7612900));
  }

  @Test
  void shouldLoadMainnetPresetWithPhase0MainnetValues() {
    SpecConfig mainnet = SpecConfigLoader.load("mainnet");

    assertThat(mainnet.secondsPerSlot()).isEqualTo(UInt64.valueOf(12));
    assertThat(mainnet.slotsPerEpoch()).isEqualTo(32);
    assertThat(mainnet.shardCount()).isEqualTo(64);
    assertThat(mainnet.targetCommitteeSize()).isEqualTo(128);
    assertThat(mainnet.shuffleRoundCount()).isEqualTo(90);
    assertThat(mainnet.epochsPerHistoricalVector()).isEqualTo(65536);
    assertThat(mainnet.epochsPerSlashingsVector()).isEqualTo(8192);
    assertThat(mainnet.slotsPerHistoricalRoot()).isEqualTo(8192);
    assertThat(mainnet.churnLimitQuotient()).isEqualTo(UInt64.valueOf(65536));
    assertThat(mainnet.maxEffectiveBalance()).isEqualTo(Gwei.of(32_000_000_000L));
    assertThat(mainnet.ejectionBalance()).isEqualTo(Gwei.of(16_000_000_000L));
    assertThat(mainnet.minAttestationInclusionDelay()).isEqualTo(Slot.of(1));
    assertThat(mainnet.minValidatorWithdrawabilityDelay()).isEqualTo(Epoch.of(256));
    assertThat(mainnet.inactivityPenaltyQuotient()).isEqualTo(UInt64.valueOf(1L << 26));
    assertThat(mainnet.minSlashingPenaltyQuotient()).isEqualTo(UInt64.valueOf(128));
    assertThat(mainnet.proposerScoreBoost()).isEqualTo(UInt64.valueOf(40));
    assertThat(mainnet.domainBeaconAttester()).isEqualTo(Bytes4.fromHexString("0x01000000"));
    assertThat(mainnet.domainAggregateAndProof()).isEqualTo(Bytes4.fromHexString("0x06000000"));
    assertThat(mainnet.domainShardProposer()).isEqualTo(Bytes4.fromHexString("0x80000000"));
  }

  @Test
  void shouldDefaultToLocalPreset() {
    assertThat(SpecConfigLoader.loadYaml("")).isEqualTo(SpecConfigLoader.load("local"));
  }

  @Test
  void shouldDeriveOneChainIdPerShard() {
    SpecConfig local = SpecConfigLoader.load("local");

    assertThat(local.chainId(ShardId.of(0))).isEqualTo(UInt64.valueOf(7612900));
    assertThat(local.chainId(ShardId.of(3))).isEqualTo(UInt64.valueOf(7612903));
    assertThatThrownBy(() -> local.chainId(ShardId.of(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHARD_COUNT is 4");
  }

  @Test
  void shouldOverrideOneValueFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("devnet.yaml");
    Files.writeString(file, "# a faster devnet\nSECONDS_PER_SLOT: 1\n");

    SpecConfig config = SpecConfigLoader.load("local", file);

    SpecConfig local = SpecConfigLoader.load("local");
    assertThat(config.secondsPerSlot()).isEqualTo(UInt64.ONE);
    assertThat(config).usingRecursiveComparison().ignoringFields("secondsPerSlot").isEqualTo(local);
  }

  @Test
  void shouldTakeTheBasePresetFromPresetBase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("net.yaml");
    Files.writeString(file, "PRESET_BASE: 'mainnet'\nSHARD_COUNT: 8\n");

    SpecConfig config = SpecConfigLoader.load(file);

    assertThat(config.presetBase()).isEqualTo("mainnet");
    assertThat(config.shardCount()).isEqualTo(8);
    assertThat(config.shuffleRoundCount()).isEqualTo(90);
  }

  @Test
  void shouldRejectPresetBaseThatContradictsTheSelectedPreset() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("local", "PRESET_BASE: mainnet"))
        .hasMessageContaining("PRESET_BASE 'mainnet' conflicts with the selected preset 'local'");
  }

  @Test
  void shouldAcceptUnderscoresQuotedNumbersAndUnquotedHex() {
    SpecConfig config =
        SpecConfigLoader.loadYaml(
            "MAX_EFFECTIVE_BALANCE: 64_000_000_000\n"
                + "SLOTS_PER_EPOCH: '16'\n"
                + "GENESIS_FORK_VERSION: 0x0000000A\n"
                + "DOMAIN_SHARD_PROPOSER: '0x81000000'\n");

    assertThat(config.maxEffectiveBalance()).isEqualTo(Gwei.of(64_000_000_000L));
    assertThat(config.slotsPerEpoch()).isEqualTo(16);
    assertThat(config.genesisForkVersion()).isEqualTo(Bytes4.fromHexString("0x0000000a"));
    assertThat(config.domainShardProposer()).isEqualTo(Bytes4.fromHexString("0x81000000"));
  }

  @Test
  void shouldAcceptTheLargestUInt64() {
    SpecConfig config = SpecConfigLoader.loadYaml("GENESIS_DELAY: 18446744073709551615");

    assertThat(config.genesisDelay()).isEqualTo(UInt64.MAX_VALUE);
  }

  @Test
  void shouldNameUnknownKeyAndSuggestTheClosest() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOC: 8"))
        .hasMessageContaining("unknown key SLOTS_PER_EPOC (did you mean SLOTS_PER_EPOCH?)")
        .satisfies(e -> assertThat(((SpecConfigException) e).key()).hasValue("SLOTS_PER_EPOC"));
  }

  @Test
  void shouldNotSuggestAnUnrelatedKey() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("TERMINAL_TOTAL_DIFFICULTY: 1"))
        .hasMessageEndingWith("unknown key TERMINAL_TOTAL_DIFFICULTY");
  }

  @Test
  void shouldSuggestTheShardGasLimitForEthereumsName() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("BLOCK_GAS_LIMIT: 30000000"))
        .hasMessageEndingWith("unknown key BLOCK_GAS_LIMIT (did you mean SHARD_GAS_LIMIT?)");
  }

  @Test
  void shouldRefuseAShardGasLimitBelowOneTransfer() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SHARD_GAS_LIMIT: 20999"))
        .hasMessageContaining("SHARD_GAS_LIMIT")
        .hasMessageContaining("at least 21000");
  }

  @Test
  void shouldNameKeyAndTypeForANonNumber() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SHARD_COUNT: many"))
        .hasMessageContaining("SHARD_COUNT must be an integer 0..2147483647, got 'many'")
        .hasMessageContaining("not a decimal number");
  }

  @Test
  void shouldNameKeyForANegativeValue() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("EJECTION_BALANCE: -1"))
        .hasMessageContaining("EJECTION_BALANCE must be an amount in Gwei")
        .hasMessageContaining("(negative)");
  }

  @Test
  void shouldNameKeyForAValueOutOfRange() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SHUFFLE_ROUND_COUNT: 256"))
        .hasMessageContaining("SHUFFLE_ROUND_COUNT must be an integer 0..255")
        .hasMessageContaining("out of range");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("GENESIS_DELAY: 18446744073709551616"))
        .hasMessageContaining("GENESIS_DELAY must be an unsigned 64-bit integer");
  }

  @Test
  void shouldNameKeyForHexOfTheWrongLength() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("DOMAIN_RANDAO: 0x020000"))
        .hasMessageContaining("DOMAIN_RANDAO must be 4 bytes as 0x followed by 8 hex digits")
        .hasMessageContaining("wrong length, 6 hex digits");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("DOMAIN_RANDAO: 02000000"))
        .hasMessageContaining("not 0x-prefixed hex");
  }

  @Test
  void shouldListKnownPresetsForAnUnknownPreset() {
    assertOneLineError(() -> SpecConfigLoader.load("testnet"))
        .hasMessage("Unknown preset 'testnet'; known presets: local, mainnet")
        .satisfies(e -> assertThat(((SpecConfigException) e).key()).hasValue("testnet"));
    assertOneLineError(() -> SpecConfigLoader.loadYaml("PRESET_BASE: minimal"))
        .hasMessageContaining("Unknown preset 'minimal'");
  }

  @Test
  void shouldNameTheFileInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "SLOTS_PER_EPOCH: x\n");

    assertOneLineError(() -> SpecConfigLoader.load(file)).hasMessageStartingWith(file + ": ");
  }

  @Test
  void shouldReportAMissingFile(@TempDir Path dir) {
    assertOneLineError(() -> SpecConfigLoader.load(dir.resolve("absent.yaml")))
        .hasMessageStartingWith("Cannot read spec config file");
  }

  @Test
  void shouldRejectBrokenDocuments() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOCH: [1, 2]"))
        .hasMessageContaining("SLOTS_PER_EPOCH must be a single value");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOCH:"))
        .hasMessageContaining("SLOTS_PER_EPOCH has no value");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOCH: 8\nSLOTS_PER_EPOCH: 4"))
        .hasMessageContaining("SLOTS_PER_EPOCH is set twice");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("- SLOTS_PER_EPOCH"))
        .hasMessageContaining("expected a mapping");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOCH: 8\n  bad: [indent"))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void shouldNameTheKeyOfABrokenRelation() {
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_EPOCH: 0"))
        .hasMessage("Invalid spec config: SLOTS_PER_EPOCH must be positive");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SHARD_COUNT: 0"))
        .hasMessageContaining("SHARD_COUNT must be positive");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("EJECTION_BALANCE: 33000000000"))
        .hasMessageContaining("MAX_EFFECTIVE_BALANCE must be at least EJECTION_BALANCE");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("MIN_SEED_LOOKAHEAD: 5"))
        .hasMessageContaining("MAX_SEED_LOOKAHEAD must be at least MIN_SEED_LOOKAHEAD");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("SLOTS_PER_HISTORICAL_ROOT: 60"))
        .hasMessageContaining("SLOTS_PER_HISTORICAL_ROOT must be a positive multiple");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("CHAIN_ID_BASE: 4503599627370476"))
        .hasMessageContaining("CHAIN_ID_BASE plus SHARD_COUNT - 1 must not exceed");
    assertOneLineError(() -> SpecConfigLoader.loadYaml("PROPOSER_SCORE_BOOST: 101"))
        .hasMessageContaining("PROPOSER_SCORE_BOOST is a percentage");
  }

  @Test
  void everyKeyShouldBeOverridable() {
    // Setting each key to its current value must be accepted and change nothing.
    SpecConfig mainnet = SpecConfigLoader.load("mainnet");
    StringBuilder all = new StringBuilder();
    for (ConfigKey key : ConfigKey.values()) {
      all.append(key.name()).append(": '").append(valueText(mainnet, key)).append("'\n");
    }
    assertThat(SpecConfigLoader.loadYaml("local", all.toString()))
        .usingRecursiveComparison()
        .ignoringFields("presetBase")
        .isEqualTo(mainnet);
  }

  @Test
  void everyKeyShouldFeedTheComponentOfTheSameName() {
    // Distinct values per key, so a key wired to the wrong component shows.
    java.util.Map<ConfigKey, Object> values = new java.util.EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      int distinct = key.ordinal() + 1;
      String text =
          key.type() == ValueType.BYTES4
              ? String.format("0x%08x", distinct)
              : Integer.toString(distinct);
      values.put(key, key.type().parse(text));
    }

    SpecConfig config = SpecConfig.from("test", values);

    for (ConfigKey key : ConfigKey.values()) {
      assertThat(valueText(config, key)).as(key.name()).isEqualTo(values.get(key).toString());
    }
  }

  private static String valueText(SpecConfig config, ConfigKey key) {
    try {
      String component = toCamelCase(key.name());
      Object value = SpecConfig.class.getMethod(component).invoke(config);
      return value.toString();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("SpecConfig has no component for " + key, e);
    }
  }

  private static String toCamelCase(String upperSnake) {
    StringBuilder out = new StringBuilder();
    for (String part : upperSnake.toLowerCase(java.util.Locale.ROOT).split("_")) {
      out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertOneLineError(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(SpecConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}

package io.basalt.node.genesis;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.state.Wei;
import io.basalt.node.validator.keys.KdfStrength;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link GenesisGenerator} needs, already validated by the caller's parsing.
 *
 * @param mnemonic the BIP-39 mnemonic of the validator keys (EIP-2333) and dev accounts (BIP-44)
 * @param nodes how many node directories to split the validator keystores over
 * @param devAccounts how many of the mnemonic's BIP-44 accounts to fund with {@link
 *     GenesisGenerator#DEV_ACCOUNT_BALANCE}
 * @param extraFunds further balances, added on top of the dev accounts' on every shard
 */
public record GenesisRequest(
    SpecConfig config,
    String mnemonic,
    int validators,
    int nodes,
    UInt64 genesisTime,
    int devAccounts,
    Map<Address, Wei> extraFunds,
    KdfStrength kdfStrength) {

  public GenesisRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mnemonic, "mnemonic");
    Objects.requireNonNull(genesisTime, "genesisTime");
    Objects.requireNonNull(kdfStrength, "kdfStrength");
    extraFunds = Map.copyOf(extraFunds);
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
    }
    if (validators < nodes) {
      throw new IllegalArgumentException(
          validators + " validators cannot be split over " + nodes + " nodes");
    }
    if (devAccounts < 0) {
      throw new IllegalArgumentException("devAccounts must not be negative, got " + devAccounts);
    }
  }
}

package io.basalt.node.genesis;

import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.state.Wei;
import io.basalt.node.validator.keys.KdfFunction;
import io.basalt.node.validator.keys.KeystoreWriter;
import io.basalt.node.validator.keys.Mnemonics;
import io.basalt.node.validator.keys.ValidatorKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Creates a new chain's genesis directory: validator keys derived from a mnemonic (EIP-2333, {@code
 * m/12381/3600/i/0/0}), their signed deposits built into the genesis beacon state, the dev accounts
 * funded on every shard, {@code genesis.json} + {@code genesis.ssz}, and the keystores split into
 * contiguous ranges over {@code node-<k>/validator-keys} and {@code node-<k>/validator-passwords}
 * ({@code k} from 0).
 */
public final class GenesisGenerator {

  /** What each dev account starts with on every shard, as anvil funds its accounts. */
  public static final Wei DEV_ACCOUNT_BALANCE = Wei.ofEther(10_000);

  public static final String KEYS_DIR = "validator-keys";
  public static final String PASSWORDS_DIR = "validator-passwords";

  /** The RANDAO mixes' starting value, as the interop genesis (no eth1 block hash to use). */
  private static final Bytes32 MIX_SEED = Bytes32.repeat((byte) 0x42);

  private GenesisGenerator() {}

  /**
   * The fewest validators {@code config} can run with: one per beacon committee of an epoch ({@code
   * SLOTS_PER_EPOCH} slots × {@code SHARD_COUNT} committees per slot), so that no shard committee
   * is empty.
   */
  public static int minimumValidators(SpecConfig config) {
    return config.slotsPerEpoch() * config.shardCount();
  }

  /** The directory of node {@code k} below {@code out}. */
  public static Path nodeDir(Path out, int k) {
    return out.resolve("node-" + k);
  }

  /** The first validator index of node {@code k}: validators split evenly, remainder first. */
  public static int firstValidatorOf(int k, int validators, int nodes) {
    int base = validators / nodes;
    int extra = validators % nodes;
    return k * base + Math.min(k, extra);
  }

  /**
   * Writes the genesis into {@code out} (which the caller has checked is empty or may be
   * overwritten) and returns it.
   */
  public static NodeGenesis generate(GenesisRequest request, Path out) throws IOException {
    Bytes seed = Mnemonics.seed(request.mnemonic());
    KeystoreWriter writer =
        new KeystoreWriter(KdfFunction.SCRYPT, request.kdfStrength(), Optional.empty());
    List<ValidatorKey> keys = new ArrayList<>(request.validators());
    for (int k = 0; k < request.nodes(); k++) {
      int first = firstValidatorOf(k, request.validators(), request.nodes());
      int next = firstValidatorOf(k + 1, request.validators(), request.nodes());
      Path nodeDir = nodeDir(out, k);
      for (KeystoreWriter.Written written :
          writer.write(
              seed,
              first,
              next - first,
              nodeDir.resolve(KEYS_DIR),
              nodeDir.resolve(PASSWORDS_DIR))) {
        keys.add(written.key());
      }
    }
    SpecConfig config = request.config();
    BeaconState state =
        new GenesisBuilder(new BeaconSchemas(config))
            .build(request.genesisTime(), MIX_SEED, ValidatorDeposits.create(config, keys));
    if (state.validators().size() != keys.size()) {
      throw new IllegalStateException(
          "Genesis has " + state.validators().size() + " validators, expected " + keys.size());
    }
    NodeGenesis genesis = new NodeGenesis(config, state, allocations(request));
    GenesisFiles.write(out, genesis);
    return genesis;
  }

  private static Map<Address, Wei> allocations(GenesisRequest request) {
    Map<Address, Wei> allocations = new LinkedHashMap<>();
    for (DevAccount account : DevAccounts.derive(request.mnemonic(), request.devAccounts())) {
      allocations.put(account.address(), DEV_ACCOUNT_BALANCE);
    }
    request.extraFunds().forEach((address, wei) -> allocations.merge(address, wei, Wei::plus));
    return allocations;
  }
}

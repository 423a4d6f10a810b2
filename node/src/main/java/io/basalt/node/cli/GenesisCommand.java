package io.basalt.node.cli;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigException;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.execution.state.Wei;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisGenerator;
import io.basalt.node.genesis.GenesisRequest;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.node.validator.keys.KdfStrength;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt genesis}: a new chain's genesis files and its validators' keystores. */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description =
        "Create genesis.json, genesis.ssz and per-node validator keystores for a new network.")
public final class GenesisCommand implements Callable<Integer> {

  private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--validators", required = true, description = "Number of validators.")
  int validators;

  @Option(
      names = "--nodes",
      defaultValue = "1",
      description = "Split the keystores over this many node-<k> directories (default 1).")
  int nodes;

  @Option(names = "--preset", defaultValue = "local", description = "local or mainnet.")
  String preset;

  @Option(names = "--shards", description = "Override SHARD_COUNT.")
  Integer shards;

  @ArgGroup(exclusive = true)
  MnemonicOptions mnemonic;

  @ArgGroup(exclusive = true)
  TimeOptions time;

  static final class TimeOptions {
    @Option(names = "--genesis-time", paramLabel = "UNIX", description = "Genesis time (seconds).")
    Long genesisTime;

    @Option(
        names = "--genesis-delay",
        paramLabel = "SECONDS",
        description = "Genesis this long after now (default 10).")
    Long genesisDelay;
  }

  @Option(
      names = "--dev-accounts",
      defaultValue = "10",
      description = "Fund this many accounts of the mnemonic (m/44'/60'/0'/0/i), 10000 ETH each.")
  int devAccounts;

  @Option(
      names = "--fund",
      paramLabel = "ADDRESS=ETH",
      description = "Also fund ADDRESS with ETH on every shard (repeatable).")
  List<String> fund = new ArrayList<>();

  @Option(names = "--kdf-strength", defaultValue = "light", description = "light or standard.")
  String kdfStrength;

  @Option(names = "--force", description = "Write into a non-empty output directory.")
  boolean force;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    SpecConfig config = config(cl);
    if (nodes < 1) {
      throw new UsageError(cl, "--nodes", "must be at least 1, got " + nodes);
    }
    int minimum = GenesisGenerator.minimumValidators(config);
    if (validators < minimum) {
      throw new UsageError(
          cl,
          "--validators",
          "preset "
              + config.presetBase()
              + " with "
              + config.shardCount()
              + " shards needs at least "
              + minimum
              + " validators (SLOTS_PER_EPOCH × SHARD_COUNT), got "
              + validators);
    }
    if (validators < nodes) {
      throw new UsageError(
          cl, "--nodes", nodes + " nodes need at least one validator each, got " + validators);
    }
    if (devAccounts < 0) {
      throw new UsageError(cl, "--dev-accounts", "must not be negative, got " + devAccounts);
    }
    KdfStrength strength = KeysCommand.parseStrength(cl, "--kdf-strength", kdfStrength);
    Map<Address, Wei> extra = parseFunds(cl);
    UInt64 genesisTime = genesisTime(cl);
    String given = MnemonicOptions.resolve(mnemonic, cl).orElse(null);
    String words = given == null ? DevAccounts.DEV_MNEMONIC : given;
    KeysCommand.seed(cl, words); // validates the mnemonic, naming the option
    checkOutputDir(cl);
    if (given == null) {
      // Only once every option is valid, so a usage error stays a single line.
      cl.getErr()
          .println(
              "WARNING: using the public development mnemonic; anyone can sign with these"
                  + " validator and account keys. Never use them on a network with real value.");
    }
    try {
      NodeGenesis genesis =
          GenesisGenerator.generate(
              new GenesisRequest(
                  config, words, validators, nodes, genesisTime, devAccounts, extra, strength),
              out);
      cl.getOut()
          .println(
              "Genesis written to "
                  + out
                  + ": "
                  + validators
                  + " validators over "
                  + nodes
                  + " node(s), "
                  + config.shardCount()
                  + " shards, genesis time "
                  + genesisTime
                  + ", state root "
                  + genesis.state().hashTreeRoot());
      cl.getOut().flush();
      return 0;
    } catch (IOException e) {
      cl.getErr().println("genesis: cannot write " + out + ": " + e.getMessage());
      return 1;
    }
  }

  private SpecConfig config(CommandLine cl) {
    if (!SpecConfigLoader.PRESETS.contains(preset)) {
      throw new UsageError(
          cl,
          "--preset",
          "unknown preset '" + preset + "'; known: " + String.join(", ", SpecConfigLoader.PRESETS));
    }
    if (shards == null) {
      return SpecConfigLoader.load(preset);
    }
    if (shards < 1) {
      throw new UsageError(cl, "--shards", "must be at least 1, got " + shards);
    }
    try {
      return SpecConfigLoader.loadYaml(preset, "SHARD_COUNT: " + shards + "\n");
    } catch (SpecConfigException e) {
      throw new UsageError(cl, "--shards", e.getMessage());
    }
  }

  private UInt64 genesisTime(CommandLine cl) {
    if (time != null && time.genesisTime != null) {
      if (time.genesisTime < 0) {
        throw new UsageError(cl, "--genesis-time", "must not be negative");
      }
      return UInt64.valueOf(time.genesisTime);
    }
    long delay = time != null && time.genesisDelay != null ? time.genesisDelay : 10;
    if (delay < 0) {
      throw new UsageError(cl, "--genesis-delay", "must not be negative, got " + delay);
    }
    return UInt64.valueOf(System.currentTimeMillis() / 1000 + delay);
  }

  private Map<Address, Wei> parseFunds(CommandLine cl) {
    Map<Address, Wei> funds = new LinkedHashMap<>();
    for (String entry : fund) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new UsageError(cl, "--fund", "expected ADDRESS=ETH, got '" + entry + "'");
      }
      try {
        Address address = Address.fromHexString(entry.substring(0, eq).strip());
        BigInteger wei =
            new BigDecimal(entry.substring(eq + 1).strip())
                .multiply(WEI_PER_ETH)
                .toBigIntegerExact();
        funds.merge(address, new Wei(wei), Wei::plus);
      } catch (ArithmeticException e) {
        throw new UsageError(cl, "--fund", "'" + entry + "' is not a whole number of wei");
      } catch (IllegalArgumentException e) {
        throw new UsageError(cl, "--fund", "'" + entry + "': " + e.getMessage());
      }
    }
    return funds;
  }

  private void checkOutputDir(CommandLine cl) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageError(cl, "--out", out + " exists and is not a directory");
    }
    if (force || !Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw new UsageError(cl, "--out", out + " is not empty (use --force to write into it)");
      }
    } catch (IOException e) {
      throw new UsageError(cl, "--out", "cannot list " + out + " (" + e.getMessage() + ")");
    }
  }
}

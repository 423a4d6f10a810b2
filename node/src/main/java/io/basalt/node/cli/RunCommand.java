package io.basalt.node.cli;

import io.basalt.node.cli.options.DataOptions;
import io.basalt.node.cli.options.LoggingOptions;
import io.basalt.node.cli.options.MetricsOptions;
import io.basalt.node.cli.options.NetworkOptions;
import io.basalt.node.cli.options.RpcOptions;
import io.basalt.node.cli.options.ValidatorOptions;
import io.basalt.node.config.ConfigException;
import io.basalt.node.config.NodeLauncher;
import io.basalt.node.config.NodeOptions;
import io.basalt.node.config.OptionChecks;
import io.basalt.node.logging.LogLevels;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code basalt run}: resolves and validates the options, sets the log level and hands a {@link
 * NodeOptions} to the {@link NodeLauncher}. Values come from flags, then {@code BASALT_*} env, then
 * the config file (see {@link io.basalt.node.config.LayeredDefaultProvider}), then the defaults.
 *
 * <p>Exit codes: the launcher's, or {@value #USAGE_ERROR} for a missing or bad option (nothing is
 * started), or 1 if the launcher throws.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    description = "Runs a validator node: joins peers, syncs, validates and persists.",
    footerHeading = "%n",
    footer = {
      "Every option can also be set as environment variable BASALT_<OPTION>",
      "(e.g. BASALT_P2P_PORT=9001) or in the --config-file (e.g. p2p-port: 9001).",
      "Flags win over the environment, the environment over the file.",
      "See docs/operations.md."
    })
public final class RunCommand implements Callable<Integer> {
  /** Exit code of a missing or bad option. */
  public static final int USAGE_ERROR = 2;

  static final String MISSING_GENESIS =
      "basalt run: missing --genesis DIR; create one with `basalt genesis`. Nothing was started:"
          + " the node needs the genesis directory to know which chain to join. Set it with"
          + " --genesis DIR, the BASALT_GENESIS environment variable or `genesis: DIR` in"
          + " --config-file FILE; see `basalt run --help` for every option.";

  @Spec private CommandSpec spec;

  @ArgGroup(validate = false, heading = "%nData%n", order = 1)
  DataOptions data = new DataOptions();

  @ArgGroup(validate = false, heading = "%nNetwork%n", order = 2)
  NetworkOptions network = new NetworkOptions();

  @ArgGroup(validate = false, heading = "%nValidator%n", order = 3)
  ValidatorOptions validator = new ValidatorOptions();

  @ArgGroup(validate = false, heading = "%nMetrics%n", order = 4)
  MetricsOptions metrics = new MetricsOptions();

  @ArgGroup(validate = false, heading = "%nJSON-RPC%n", order = 5)
  RpcOptions rpc = new RpcOptions();

  @ArgGroup(validate = false, heading = "%nLogging%n", order = 6)
  LoggingOptions logging = new LoggingOptions();

  private final NodeLauncher launcher;
  private final Path home;

  /** A run command that starts the node with {@code launcher}; {@code ~} is the user's home. */
  public RunCommand(NodeLauncher launcher) {
    this(launcher, Path.of(System.getProperty("user.home")));
  }

  /**
   * As {@link #RunCommand(NodeLauncher)}, expanding {@code ~} in {@code --data-dir} to {@code
   * home}.
   */
  public RunCommand(NodeLauncher launcher, Path home) {
    this.launcher = launcher;
    this.home = home;
  }

  @Override
  public Integer call() throws Exception {
    if (data.genesis == null) {
      spec.commandLine().getErr().println(MISSING_GENESIS);
      return USAGE_ERROR;
    }
    NodeOptions options;
    try {
      options = resolve();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("basalt run: " + e.getMessage());
      return USAGE_ERROR;
    }
    LogLevels.setRoot(options.logLevel());
    return launcher.run(options);
  }

  /** Validates every option and builds the record; the first bad option wins. */
  NodeOptions resolve() throws ConfigException {
    if ((validator.keysDir == null) != (validator.passwordsDir == null)) {
      throw validator.keysDir == null
          ? ConfigException.forOption(
              "--validator-keys", "required with --validator-passwords (give both or neither)")
          : ConfigException.forOption(
              "--validator-passwords", "required with --validator-keys (give both or neither)");
    }
    Optional<Path> keys = Optional.ofNullable(validator.keysDir);
    Optional<Path> passwords = Optional.ofNullable(validator.passwordsDir);
    if (keys.isPresent()) {
      OptionChecks.existingDir("--validator-keys", keys.get());
      OptionChecks.existingDir("--validator-passwords", passwords.get());
    }
    return new NodeOptions(
        OptionChecks.creatableDir(
            "--data-dir", OptionChecks.path("--data-dir", data.dataDir, home)),
        OptionChecks.existingDir("--genesis", data.genesis),
        OptionChecks.host("--p2p-host", network.p2pHost),
        OptionChecks.port("--p2p-port", network.p2pPort),
        OptionChecks.bootnodes("--bootnodes", network.bootnodes),
        OptionChecks.atLeast("--max-peers", network.maxPeers, 1),
        keys,
        passwords,
        validator.doppelgangerDetection,
        OptionChecks.graffiti("--graffiti", validator.graffiti),
        metrics.enabled,
        OptionChecks.host("--metrics-host", metrics.host),
        OptionChecks.port("--metrics-port", metrics.port),
        rpc.enabled,
        OptionChecks.host("--rpc-host", rpc.host),
        OptionChecks.port("--rpc-port", rpc.port),
        OptionChecks.rpcCors("--rpc-cors", rpc.cors),
        OptionChecks.logLevel("--log-level", logging.level));
  }
}

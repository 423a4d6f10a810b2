package io.basalt.testnet.cli;

import io.basalt.testnet.PortLayout;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.TestnetSpec;
import io.basalt.testnet.control.ControlCommands;
import io.basalt.testnet.control.ControlServer;
import io.basalt.testnet.load.LoadGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basalt testnet}: a fresh local testnet of node processes, its endpoints and dev accounts
 * printed, then a status line per slot until Ctrl-C. Its subcommands control a running launcher
 * from another terminal.
 */
@Command(
    name = "testnet",
    mixinStandardHelpOptions = true,
    description = "Start a local multi-node testnet from a fresh genesis (Ctrl-C stops it).",
    subcommands = {
      ControlSubcommands.Stop.class,
      ControlSubcommands.Start.class,
      ControlSubcommands.Kill.class,
      ControlSubcommands.Add.class,
      ControlSubcommands.PartitionCommand.class,
      ControlSubcommands.Heal.class,
      ControlSubcommands.Status.class,
      L2DemoCommand.class
    })
public final class TestnetCommand implements Callable<Integer> {

  /** Senders funded for {@code --load} (dev mnemonic indices 10 and up). */
  static final int LOAD_ACCOUNTS = 256;

  /** One load transaction in this many is a cross-shard transfer. */
  static final int CROSS_SHARD_EVERY = 4;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "4", description = "Validator nodes (default 4).")
  int nodes;

  @Option(
      names = "--validators",
      defaultValue = "128",
      description = "Genesis validators, split evenly over the nodes (default 128).")
  int validators;

  @Option(names = "--shards", defaultValue = "4", description = "Shard count (default 4).")
  int shards;

  @Option(names = "--preset", defaultValue = "local", description = "local or mainnet.")
  String preset;

  @Option(
      names = "--data-dir",
      defaultValue = "testnet-data",
      paramLabel = "DIR",
      description = "Genesis, node data and testnet.json (default ./testnet-data; wiped each run).")
  Path dataDir;

  @Option(
      names = "--base-port",
      defaultValue = "8545",
      description =
          "Node k: JSON-RPC base+k, p2p base+455+k, metrics base+555+k"
              + " (default 8545: 8545+k, 9000+k, 9100+k).")
  int basePort;

  @Option(
      names = "--node-heap",
      defaultValue = "768m",
      description = "Each node's JVM heap, as for -Xmx (default 768m).")
  String nodeHeap;

  @Option(
      names = "--genesis-delay",
      paramLabel = "SECONDS",
      description = "Genesis this long after start (default 10 + 3 per node).")
  Integer genesisDelay;

  @Option(
      names = "--load",
      defaultValue = "0",
      paramLabel = "TPS",
      description = "Send this many signed transfers per second (1 in 4 cross-shard); 0 = off.")
  double load;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    TestnetSpec testnetSpec;
    try {
      testnetSpec = spec();
    } catch (TestnetException e) {
      return fail(e);
    }
    Testnet testnet;
    try {
      testnet = Testnet.create(testnetSpec);
    } catch (TestnetException e) {
      return fail(e);
    }
    try (testnet;
        ControlServer control = ControlServer.start(new ControlCommands(testnet))) {
      testnet.startAll();
      testnet.setControlPort(control.port());
      Banner.print(cl.getOut(), testnet, control.port());
      Optional<LoadGenerator> generator =
          load > 0 ? Optional.of(Loads.generator(testnet, load)) : Optional.empty();
      new LiveStatus(testnet, generator, new ControlCommands(testnet), cl.getOut()).run();
      generator.ifPresent(LoadGenerator::stop);
      return 0;
    } catch (TestnetException e) {
      return fail(e);
    } catch (IOException e) {
      return fail(new TestnetException("cannot open the control endpoint: " + e.getMessage(), e));
    }
  }

  private TestnetSpec spec() throws TestnetException {
    if (load < 0) {
      throw new TestnetException("--load must not be negative, got " + load);
    }
    PortLayout ports;
    try {
      ports = new PortLayout(basePort);
    } catch (IllegalArgumentException e) {
      throw new TestnetException("--base-port: " + e.getMessage());
    }
    if (!nodeHeap.matches("[0-9]+[kKmMgG]?")) {
      throw new TestnetException("--node-heap must look like 768m or 1g, got '" + nodeHeap + "'");
    }
    int delay = genesisDelay != null ? genesisDelay : TestnetSpec.defaultGenesisDelay(nodes);
    if (delay < 0) {
      throw new TestnetException("--genesis-delay must not be negative, got " + delay);
    }
    return new TestnetSpec(
        nodes,
        validators,
        shards,
        preset,
        dataDir,
        ports,
        nodeHeap,
        delay,
        load > 0 ? LOAD_ACCOUNTS : 0);
  }

  private int fail(TestnetException e) {
    spec.commandLine().getErr().println("basalt testnet: " + e.getMessage());
    spec.commandLine().getErr().flush();
    return 1;
  }
}

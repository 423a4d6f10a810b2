package io.basalt.testnet.cli;

import io.basalt.testnet.TestnetException;
import io.basalt.testnet.control.ControlClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code basalt testnet stop|start|kill|add|partition|heal|status}: one control command sent to the
 * launcher running on {@code --data-dir}, through the control port in its {@code testnet.json}.
 */
final class ControlSubcommands {

  private ControlSubcommands() {}

  /** The options and the sending every control subcommand shares. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data-dir",
        defaultValue = "testnet-data",
        paramLabel = "DIR",
        description = "The running testnet's data dir (default ./testnet-data).")
    Path dataDir;

    abstract String line();

    @Override
    public Integer call() {
      try {
        spec.commandLine().getOut().println(ControlClient.send(dataDir, line()));
        spec.commandLine().getOut().flush();
        return 0;
      } catch (TestnetException e) {
        spec.commandLine()
            .getErr()
            .println("basalt testnet " + spec.name() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
  }

  abstract static class NodeCommand extends Base {
    @Option(names = "--node", required = true, paramLabel = "K", description = "Node index.")
    int node;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "SIGTERM node K.")
  static final class Stop extends NodeCommand {
    @Override
    String line() {
      return "stop " + node;
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start node K again.")
  static final class Start extends NodeCommand {
    @Override
    String line() {
      return "start " + node;
    }
  }

  @Command(name = "kill", mixinStandardHelpOptions = true, description = "SIGKILL node K.")
  static final class Kill extends NodeCommand {
    @Override
    String line() {
      return "kill " + node;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a node without validators; it syncs from genesis.")
  static final class Add extends Base {
    @Override
    String line() {
      return "add";
    }
  }

  @Command(
      name = "partition",
      mixinStandardHelpOptions = true,
      description = "Cut p2p links between node groups, e.g. --groups 0,1 2,3.")
  static final class PartitionCommand extends Base {
    @Option(
        names = "--groups",
        required = true,
        arity = "1..*",
        paramLabel = "K,K",
        description = "Groups of comma-separated node indices.")
    List<String> groups;

    @Parameters(hidden = true)
    List<String> more = List.of();

    @Override
    String line() {
      return "partition " + String.join(" ", groups) + " " + String.join(" ", more);
    }
  }

  @Command(name = "heal", mixinStandardHelpOptions = true, description = "Lift the partition.")
  static final class Heal extends Base {
    @Override
    String line() {
      return "heal";
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Each node's status.")
  static final class Status extends Base {
    @Override
    String line() {
      return "status";
    }
  }
}

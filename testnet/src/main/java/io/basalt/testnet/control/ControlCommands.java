package io.basalt.testnet.control;

import io.basalt.testnet.Partition;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.status.NodeStatus;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's control language, one command per line, shared by stdin and the control endpoint:
 * {@code stop K}, {@code start K}, {@code kill K}, {@code add}, {@code partition 0,1 2,3}, {@code
 * heal}, {@code status}, {@code help}. Each returns one line of text for the user.
 */
public final class ControlCommands {

  public static final String HELP =
      "commands: stop K | start K | kill K | add (a node without validators)"
          + " | partition 0,1 2,3 | heal | status | help";

  private final Testnet testnet;

  public ControlCommands(Testnet testnet) {
    this.testnet = testnet;
  }

  /**
   * Runs {@code line}.
   *
   * @throws TestnetException with a one-line reason if it is not a command or cannot be done
   */
  public String execute(String line) throws TestnetException, InterruptedException {
    List<String> words =
        Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    if (words.isEmpty()) {
      return "";
    }
    String verb = words.get(0);
    List<String> args = words.subList(1, words.size());
    return switch (verb) {
      case "stop" -> {
        int k = node(verb, args);
        yield testnet
            .stop(k)
            .map(code -> "node " + k + " stopped (exit code " + code + ")")
            .orElse("node " + k + " was not running");
      }
      case "start" -> {
        int k = node(verb, args);
        testnet.start(k);
        yield "node " + k + " started";
      }
      case "kill" -> {
        int k = node(verb, args);
        testnet.kill(k);
        yield "node " + k + " killed (SIGKILL)";
      }
      case "add" -> {
        noArguments(verb, args);
        yield "node " + testnet.addNode() + " added (no validators)";
      }
      case "partition" -> {
        if (args.size() < 1) {
          throw new TestnetException("usage: partition 0,1 2,3 (groups of node indices)");
        }
        Partition partition = testnet.partition(Partition.parseGroups(args));
        yield "partitioned: " + partition;
      }
      case "heal" -> {
        noArguments(verb, args);
        testnet.heal();
        yield "healed: every node may reach every other again";
      }
      case "status" -> {
        noArguments(verb, args);
        yield status();
      }
      case "help" -> HELP;
      default -> throw new TestnetException("unknown command '" + verb + "'; " + HELP);
    };
  }

  private String status() throws TestnetException {
    StringBuilder text = new StringBuilder();
    List<NodeStatus> statuses = testnet.statuses();
    for (int k = 0; k < statuses.size(); k++) {
      NodeStatus s = statuses.get(k);
      if (k > 0) {
        text.append("; ");
      }
      text.append("node ").append(k).append(": ");
      text.append(
          s.up()
              ? "head " + s.headSlot() + " fin " + s.finalizedEpoch() + " peers " + s.peers()
              : "down");
    }
    return text.toString();
  }

  private static int node(String verb, List<String> args) throws TestnetException {
    if (args.size() != 1) {
      throw new TestnetException("usage: " + verb + " K (a node index)");
    }
    try {
      return Integer.parseInt(args.get(0));
    } catch (NumberFormatException e) {
      throw new TestnetException("usage: " + verb + " K (a node index), got '" + args.get(0) + "'");
    }
  }

  private static void noArguments(String verb, List<String> args) throws TestnetException {
    if (!args.isEmpty()) {
      throw new TestnetException("usage: " + verb + " (no arguments)");
    }
  }
}

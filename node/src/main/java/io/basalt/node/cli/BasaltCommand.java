package io.basalt.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code basalt} root command. Subcommands arrive with the node, genesis and testnet. */
@Command(
    name = "basalt",
    mixinStandardHelpOptions = true,
    version = "basalt 0.1.0-SNAPSHOT",
    description = "Basalt: a sharded proof-of-stake Layer-1 node.")
public final class BasaltCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BasaltCommand()).execute(args));
  }
}

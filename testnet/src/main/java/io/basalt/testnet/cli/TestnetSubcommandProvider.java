package io.basalt.testnet.cli;

import io.basalt.node.cli.SubcommandProvider;

/** Registers {@code basalt testnet} with the node's command line. */
public final class TestnetSubcommandProvider implements SubcommandProvider {

  @Override
  public Object subcommand() {
    return new TestnetCommand();
  }
}

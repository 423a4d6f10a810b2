package io.basalt.node.cli;

import io.basalt.node.config.NodeLauncher;
import io.basalt.node.config.NodeOptions;

/**
 * Stands in when no node implementation is on the class path, so that {@code run} fails clearly.
 */
final class MissingNodeLauncher implements NodeLauncher {
  static final String MESSAGE = "no node implementation on the classpath";

  @Override
  public int run(NodeOptions options) {
    throw new IllegalStateException(MESSAGE);
  }
}

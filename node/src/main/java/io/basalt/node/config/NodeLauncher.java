package io.basalt.node.config;

/**
 * Starts the node. The integrator provides the implementation (found through {@link
 * java.util.ServiceLoader}); {@code basalt run} calls it with the resolved options.
 */
@FunctionalInterface
public interface NodeLauncher {
  /** Runs the node until it is stopped; returns the process exit code. */
  int run(NodeOptions options) throws Exception;
}

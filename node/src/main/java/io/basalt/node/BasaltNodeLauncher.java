package io.basalt.node;

import io.basalt.node.config.NodeLauncher;
import io.basalt.node.config.NodeOptions;

/**
 * Runs a {@link Node} for {@code basalt run} until SIGINT or SIGTERM, which stop it cleanly (the
 * JVM's shutdown hook closes the node: network, validator client, chains, then the database).
 */
public final class BasaltNodeLauncher implements NodeLauncher {

  @Override
  public int run(NodeOptions options) throws Exception {
    Node node = Node.start(options);
    Thread hook = new Thread(node::close, "basalt-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    node.awaitStop();
    return 0;
  }
}

package io.basalt.node.cli;

import io.basalt.node.config.NodeLauncher;
import io.basalt.node.config.NodeOptions;

/** Registered in the test resources' META-INF/services to prove the ServiceLoader lookup. */
public final class ServiceRegisteredLauncher implements NodeLauncher {
  @Override
  public int run(NodeOptions options) {
    return 0;
  }
}

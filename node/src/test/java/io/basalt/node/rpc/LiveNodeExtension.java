package io.basalt.node.rpc;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one {@link LiveNode} for the whole test run: started on first use (and past
 * its third slot), kept in the root store, stopped and deleted when the run ends. One node serves
 * every node-wide RPC test class, so the chain is built once.
 */
final class LiveNodeExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LiveNodeExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LiveNode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(LiveNode.class, key -> start(), LiveNode.class);
  }

  private static LiveNode start() {
    try {
      LiveNode live = LiveNode.start(Files.createTempDirectory("basalt-rpc-node"));
      live.awaitHeadSlot(3, Duration.ofSeconds(60));
      return live;
    } catch (Exception e) {
      throw new ParameterResolutionException("Cannot start the test node", e);
    }
  }
}

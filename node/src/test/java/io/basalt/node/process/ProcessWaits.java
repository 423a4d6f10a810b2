package io.basalt.node.process;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Bounded waits on node processes that fail with every node's log tail. */
final class ProcessWaits {

  private ProcessWaits() {}

  /**
   * Polls {@code condition} every second for up to {@code seconds}; fails at once when a started
   * node exits, and with the nodes' logs on time-out.
   */
  static void await(LocalNetwork net, String what, BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      for (int i = 0; i < net.size(); i++) {
        if (net.node(i) != null && !net.node(i).isAlive()) {
          fail("Node " + i + " exited while waiting for: " + what + net.logs());
        }
      }
      Thread.sleep(1000);
    }
    fail("Timed out after " + seconds + " s waiting for: " + what + net.logs());
  }
}

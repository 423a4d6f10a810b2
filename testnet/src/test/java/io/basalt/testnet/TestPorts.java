package io.basalt.testnet;

import java.util.concurrent.ThreadLocalRandom;

/** Base ports whose three ranges are free right now, for tests that must not clash. */
public final class TestPorts {

  private TestPorts() {}

  /** A base port with every port of nodes {@code 0..nodes-1} free. */
  public static PortLayout freeLayout(int nodes) {
    for (int attempt = 0; attempt < 200; attempt++) {
      PortLayout layout = new PortLayout(ThreadLocalRandom.current().nextInt(20_000, 40_000));
      if (Preflight.takenPorts(layout, 0, nodes).isEmpty()) {
        return layout;
      }
    }
    throw new IllegalStateException("no free port range found");
  }
}

package io.basalt.testnet;

/**
 * The loopback ports of node {@code k}: JSON-RPC {@code base + k}, p2p {@code base + 455 + k},
 * metrics {@code base + 555 + k}. With the default base 8545 that is 8545+k, 9000+k and 9100+k, the
 * ports Ethereum tools expect; {@code --base-port} moves all three ranges together.
 */
public record PortLayout(int base) {

  public static final int DEFAULT_BASE = 8545;
  public static final PortLayout DEFAULT = new PortLayout(DEFAULT_BASE);

  /** Offsets of the p2p and metrics ranges from the base. */
  static final int P2P_OFFSET = 455;

  static final int METRICS_OFFSET = 555;

  /** Nodes per range: the ranges must not overlap. */
  public static final int MAX_NODES = 100;

  public PortLayout {
    if (base < 1024 || base + METRICS_OFFSET + MAX_NODES > 65_535) {
      throw new IllegalArgumentException(
          "base port must be between 1024 and "
              + (65_535 - METRICS_OFFSET - MAX_NODES)
              + ", got "
              + base);
    }
  }

  public int rpc(int node) {
    return base + checked(node);
  }

  public int p2p(int node) {
    return base + P2P_OFFSET + checked(node);
  }

  public int metrics(int node) {
    return base + METRICS_OFFSET + checked(node);
  }

  private static int checked(int node) {
    if (node < 0 || node >= MAX_NODES) {
      throw new IllegalArgumentException(
          "node index must be in [0, " + MAX_NODES + "), got " + node);
    }
    return node;
  }
}

package io.basalt.networking.gossip;

/**
 * Bounds applied while decoding an RPC, before anything reaches the router.
 *
 * @param maxRpcBytes largest encoded RPC accepted (the frame length limit as well)
 * @param maxSubscriptions most {@code SubOpts} per RPC
 * @param maxMessages most published messages per RPC
 * @param maxControlEntries most IHAVE + IWANT + GRAFT + PRUNE entries per RPC
 * @param maxMessageIds most message ids over all IHAVE and IWANT entries of one RPC
 * @param maxPrunePeers most peer-exchange entries per PRUNE
 */
public record RpcLimits(
    int maxRpcBytes,
    int maxSubscriptions,
    int maxMessages,
    int maxControlEntries,
    int maxMessageIds,
    int maxPrunePeers) {

  public static final int ONE_MIB = 1 << 20;

  public static final RpcLimits DEFAULT = new RpcLimits(ONE_MIB, 1024, 1024, 1024, 10_000, 64);

  public RpcLimits {
    if (maxRpcBytes <= 0
        || maxSubscriptions < 0
        || maxMessages < 0
        || maxControlEntries < 0
        || maxMessageIds < 0
        || maxPrunePeers < 0) {
      throw new IllegalArgumentException("RPC limits must be non-negative (size positive)");
    }
  }
}

package io.basalt.node.rpc.eth;

/** Limits of the log queries, so one request cannot make the node read the whole chain. */
public final class RpcLimits {

  /** Most blocks one {@code eth_getLogs} (or filter poll) spans. */
  public static final long MAX_LOG_BLOCK_RANGE = 5_000;

  /** Most logs one {@code eth_getLogs} returns. */
  public static final int MAX_LOG_RESULTS = 10_000;

  /** Most blocks {@code eth_feeHistory} reports. */
  public static final long MAX_FEE_HISTORY_BLOCKS = 1_024;

  private RpcLimits() {}
}

package io.basalt.node.rpc.settle;

import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.List;
import java.util.concurrent.Executor;

/** The per-shard {@code settle_*} read methods and the {@code settlement} subscription. */
public final class SettleMethods {

  private SettleMethods() {}

  /** Served on {@code /shard/<i>} (and on {@code /} for shard 0). */
  public static List<RpcMethod> shardMethods(SettlementRpcData data) {
    return List.of(
        new SettleGetRollup(data),
        new SettleGetBatch(data),
        new SettleGetStatus(data),
        new SettleGetDeposits(data),
        new SettleGetWithdrawalStatus(data));
  }

  /** {@code settlement}, delivered from {@code executor}. */
  public static List<SubscriptionKind> subscriptionKinds(
      SettlementRpcData data, Executor executor) {
    return List.of(new SettlementSubscription(data, executor));
  }
}

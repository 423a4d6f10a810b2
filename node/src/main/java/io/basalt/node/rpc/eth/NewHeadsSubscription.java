package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** {@code eth_subscribe("newHeads")}: the header of every new canonical block of the shard. */
public final class NewHeadsSubscription implements SubscriptionKind {

  private final ShardRpcData data;
  private final Executor executor;

  public NewHeadsSubscription(ShardRpcData data, Executor executor) {
    this.data = data;
    this.executor = executor;
  }

  @Override
  public String name() {
    return "newHeads";
  }

  @Override
  public Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException {
    params.atMost(0);
    return new HeadFollower(
        data, context.shard(), executor, block -> sink.accept(EthJson.header(block)));
  }
}

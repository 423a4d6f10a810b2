package io.basalt.node.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code eth_subscribe("logs", {address, topics})}: every log of new canonical blocks that the
 * filter matches, one notification per log.
 */
public final class LogsSubscription implements SubscriptionKind {

  private final ShardRpcData data;
  private final Executor executor;

  public LogsSubscription(ShardRpcData data, Executor executor) {
    this.data = data;
    this.executor = executor;
  }

  @Override
  public String name() {
    return "logs";
  }

  @Override
  public Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException {
    params.atMost(1);
    FilterParams filter =
        FilterParams.parse(
            params.raw(0).isMissingNode() ? JsonNodeFactory.instance.objectNode() : params.raw(0),
            1,
            "filter");
    return new HeadFollower(
        data,
        context.shard(),
        executor,
        block -> {
          try {
            data.logs(context.shard(), block.hash(), filter.filter(), RpcLimits.MAX_LOG_RESULTS)
                .ifPresent(logs -> logs.forEach(log -> sink.accept(EthJson.log(log))));
          } catch (RpcException e) {
            // More logs in one block than a query may return: skip them, as geth drops on overflow.
          }
        });
  }
}

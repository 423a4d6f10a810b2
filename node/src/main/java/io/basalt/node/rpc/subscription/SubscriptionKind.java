package io.basalt.node.rpc.subscription;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import java.util.function.Consumer;

/**
 * A kind of {@code eth_subscribe} subscription ({@code newHeads}, {@code logs}, beacon {@code head}
 * ...). The WebSocket layer owns subscription ids and delivery; a kind only turns chain events into
 * notification results.
 */
public interface SubscriptionKind {

  /** The name a client passes as the first {@code eth_subscribe} parameter. */
  String name();

  /**
   * Starts a subscription.
   *
   * @param params the parameters after the kind name
   * @param sink receives each notification's {@code result}; must be called without blocking (it
   *     may be called from the chain thread)
   * @throws RpcException when the parameters are invalid
   */
  Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException;
}

package io.basalt.node.rpc.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One WebSocket connection's subscriptions: {@code eth_subscribe} and {@code eth_unsubscribe} bound
 * to it, and the {@code eth_subscription} notifications it sends. Closing the session ends every
 * subscription. Thread-safe.
 */
final class WebSocketSession implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SubscriptionKind> kinds;
  private final Consumer<String> send;
  private final int maxSubscriptions;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  WebSocketSession(Map<String, SubscriptionKind> kinds, Consumer<String> send, int max) {
    this.kinds = kinds;
    this.send = send;
    this.maxSubscriptions = max;
  }

  /** The connection-bound methods, for {@link RpcDispatcher#handle}. */
  RpcMethod method(String name) {
    return switch (name) {
      case "eth_subscribe" -> new Method(name, this::subscribe);
      case "eth_unsubscribe" -> new Method(name, this::unsubscribe);
      default -> null;
    };
  }

  private interface Body {
    Object run(RpcContext context, RpcParams params) throws RpcException;
  }

  private record Method(String name, Body body) implements RpcMethod {
    @Override
    public Object execute(RpcContext context, RpcParams params) throws RpcException {
      return body.run(context, params);
    }
  }

  private Object subscribe(RpcContext context, RpcParams params) throws RpcException {
    String kindName = params.required(0, "subscriptionName", ParamTypes.STRING);
    SubscriptionKind kind = kinds.get(kindName);
    if (kind == null) {
      throw RpcException.invalidParams(
          0, "subscriptionName", "no \"" + kindName + "\" subscription in this namespace");
    }
    if (subscriptions.size() >= maxSubscriptions) {
      throw RpcException.server(
          "too many subscriptions on this connection (limit " + maxSubscriptions + ")");
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = "0x" + HexFormat.of().formatHex(random);
    Subscription subscription =
        kind.subscribe(context, params.from(1), result -> notify(id, result));
    subscriptions.put(id, subscription);
    if (closed) {
      close();
    }
    return id;
  }

  private Object unsubscribe(RpcContext context, RpcParams params) throws RpcException {
    String id = params.required(0, "subscriptionId", ParamTypes.STRING);
    Subscription subscription = subscriptions.remove(id);
    if (subscription == null) {
      return false;
    }
    subscription.close();
    return true;
  }

  private void notify(String id, Object result) {
    if (closed || !subscriptions.containsKey(id)) {
      return;
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("jsonrpc", "2.0");
    message.put("method", "eth_subscription");
    ObjectNode params = message.putObject("params");
    params.put("subscription", id);
    params.set("result", RpcDispatcher.JSON.valueToTree(result));
    send.accept(RpcDispatcher.write(message));
  }

  @Override
  public void close() {
    closed = true;
    for (String id : subscriptions.keySet()) {
      Subscription subscription = subscriptions.remove(id);
      if (subscription != null) {
        subscription.close();
      }
    }
  }
}

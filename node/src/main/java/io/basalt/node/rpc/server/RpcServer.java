package io.basalt.node.rpc.server;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server: HTTP and WebSocket on one port (Vert.x).
 *
 * <ul>
 *   <li>{@code POST /shard/<i>}: the per-shard methods for shard {@code i}; {@code POST /}: shard 0
 *       plus the node-wide methods.
 *   <li>{@code /ws}, {@code /shard/<i>/ws}: the same method sets over WebSocket, plus {@code
 *       eth_subscribe}/{@code eth_unsubscribe}.
 *   <li>{@code GET /health}: 200 synced, 206 syncing, 503 not ready.
 * </ul>
 *
 * Methods run on a worker pool, never on the event loop, since they may wait for the chain thread.
 */
public final class RpcServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
  private static final String JSON_TYPE = "application/json";

  private final RpcServerConfig config;
  private final RpcDispatcher shardDispatcher;
  private final RpcDispatcher rootDispatcher;
  private final Map<String, SubscriptionKind> kinds;
  private final HealthCheck health;
  private final Vertx vertx;
  private HttpServer server;

  private RpcServer(
      RpcServerConfig config,
      List<RpcMethod> shardMethods,
      List<RpcMethod> nodeMethods,
      List<SubscriptionKind> kinds,
      HealthCheck health) {
    this.config = config;
    Map<String, RpcMethod> shard = byName(shardMethods);
    Map<String, RpcMethod> root = new HashMap<>(shard);
    byName(nodeMethods)
        .forEach(
            (name, method) -> {
              if (root.put(name, method) != null) {
                throw new IllegalArgumentException("Method registered twice: " + name);
              }
            });
    this.shardDispatcher = new RpcDispatcher(shard, config.maxBatch());
    this.rootDispatcher = new RpcDispatcher(root, config.maxBatch());
    Map<String, SubscriptionKind> kindMap = new HashMap<>();
    kinds.forEach(kind -> kindMap.put(kind.name(), kind));
    this.kinds = Map.copyOf(kindMap);
    this.health = health;
    this.vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(32));
  }

  /** Starts the server and waits until it is bound. */
  public static RpcServer start(
      RpcServerConfig config,
      List<RpcMethod> shardMethods,
      List<RpcMethod> nodeMethods,
      List<SubscriptionKind> kinds,
      HealthCheck health)
      throws Exception {
    RpcServer rpc = new RpcServer(config, shardMethods, nodeMethods, kinds, health);
    try {
      rpc.listen();
      return rpc;
    } catch (Exception e) {
      rpc.close();
      throw e;
    }
  }

  private void listen() throws Exception {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setMaxWebSocketFrameSize(config.maxBodyBytes())
            .setMaxWebSocketMessageSize(config.maxBodyBytes());
    server = vertx.createHttpServer(options).requestHandler(this::route);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The port the server is bound to. */
  public int port() {
    return server.actualPort();
  }

  /** Method names served on {@code /} (per-shard and node-wide). */
  public java.util.Set<String> rootMethods() {
    return rootDispatcher.methodNames();
  }

  /** Method names served on {@code /shard/<i>}. */
  public java.util.Set<String> shardMethods() {
    return shardDispatcher.methodNames();
  }

  /** Subscription kinds {@code eth_subscribe} accepts. */
  public java.util.Set<String> subscriptionKinds() {
    return kinds.keySet();
  }

  private record Route(RpcDispatcher dispatcher, RpcContext context, boolean webSocket) {}

  private void route(HttpServerRequest request) {
    try {
      HttpServerResponse response = request.response();
      String origin = request.getHeader(HttpHeaders.ORIGIN);
      if (origin != null && allowed(origin)) {
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Vary", "Origin");
      }
      String path = request.path();
      if (request.method() == HttpMethod.GET && path.equals("/health")) {
        health(request);
        return;
      }
      Optional<Route> route = route(path);
      if (route.isEmpty()) {
        response.setStatusCode(404).end("not found: " + path);
        return;
      }
      if (request.method() == HttpMethod.OPTIONS) {
        response
            .putHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
            .putHeader("Access-Control-Allow-Headers", "Content-Type")
            .setStatusCode(204)
            .end();
        return;
      }
      if (route.get().webSocket()) {
        request
            .toWebSocket()
            .onSuccess(ws -> webSocket(ws, route.get()))
            .onFailure(
                e -> {
                  if (!response.ended()) {
                    response.setStatusCode(400).end("WebSocket upgrade expected");
                  }
                });
        return;
      }
      if (request.method() != HttpMethod.POST) {
        response.setStatusCode(405).putHeader("Allow", "POST").end("use POST");
        return;
      }
      post(request, route.get());
    } catch (RuntimeException e) {
      LOG.warn("JSON-RPC request failed", e);
      request.response().setStatusCode(500).end();
    }
  }

  private boolean allowed(String origin) {
    return config.cors().contains("*") || config.cors().contains(origin);
  }

  /** {@code /}, {@code /ws}, {@code /shard/<i>}, {@code /shard/<i>/ws}; empty for anything else. */
  private Optional<Route> route(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    RpcContext shard0 = new RpcContext(ShardId.of(0));
    if (trimmed.equals("/")) {
      return Optional.of(new Route(rootDispatcher, shard0, false));
    }
    if (trimmed.equals("/ws")) {
      return Optional.of(new Route(rootDispatcher, shard0, true));
    }
    if (!trimmed.startsWith("/shard/")) {
      return Optional.empty();
    }
    String rest = trimmed.substring("/shard/".length());
    boolean ws = rest.endsWith("/ws");
    String number = ws ? rest.substring(0, rest.length() - 3) : rest;
    if (number.isEmpty() || number.length() > 6 || !number.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int shard = Integer.parseInt(number);
    if (shard >= config.shardCount()) {
      return Optional.empty();
    }
    return Optional.of(new Route(shardDispatcher, new RpcContext(ShardId.of(shard)), ws));
  }

  private void health(HttpServerRequest request) {
    vertx
        .executeBlocking(health::health, false)
        .onComplete(
            result -> {
              HealthCheck.Health h =
                  result.succeeded() ? result.result() : HealthCheck.Health.NOT_READY;
              request
                  .response()
                  .setStatusCode(h.httpStatus())
                  .putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE)
                  .end("{\"status\":\"" + h.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
            });
  }

  private void post(HttpServerRequest request, Route route) {
    HttpServerResponse response = request.response();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    Buffer body = Buffer.buffer();
    // An oversized body is read and dropped, then answered, so the client reads the error
    // (closing mid-upload would show it a broken pipe); one far beyond the limit is cut off.
    long[] dropped = {length != null && tooLong(length) ? 1 : 0};
    request.handler(
        chunk -> {
          if (dropped[0] == 0 && body.length() + chunk.length() <= config.maxBodyBytes()) {
            body.appendBuffer(chunk);
            return;
          }
          dropped[0] += chunk.length();
          if (dropped[0] > 4L * config.maxBodyBytes()) {
            tooLarge(response);
            request.connection().close();
          }
        });
    request.endHandler(
        v -> {
          if (dropped[0] > 0) {
            tooLarge(response);
            return;
          }
          String text = body.toString(java.nio.charset.StandardCharsets.UTF_8);
          vertx
              .executeBlocking(
                  () -> route.dispatcher().handle(route.context(), text, name -> null), false)
              .onComplete(
                  result -> {
                    if (result.failed()) {
                      LOG.warn("JSON-RPC dispatch failed", result.cause());
                      response.setStatusCode(500).end();
                      return;
                    }
                    response.putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE);
                    response.end(result.result().orElse(""));
                  });
        });
  }

  private boolean tooLong(String contentLength) {
    try {
      return Long.parseLong(contentLength.strip()) > config.maxBodyBytes();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private void tooLarge(HttpServerResponse response) {
    if (response.ended()) {
      return;
    }
    String error =
        RpcDispatcher.write(
            RpcDispatcher.error(
                com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                RpcException.invalidRequest(
                    "body exceeds the limit of " + config.maxBodyBytes() + " bytes")));
    response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE).end(error);
  }

  private void webSocket(ServerWebSocket ws, Route route) {
    WebSocketSession session =
        new WebSocketSession(kinds, ws::writeTextMessage, config.maxSubscriptions());
    ws.closeHandler(v -> session.close());
    ws.exceptionHandler(e -> LOG.debug("WebSocket error", e));
    ws.textMessageHandler(
        text ->
            vertx
                .executeBlocking(
                    () -> route.dispatcher().handle(route.context(), text, session::method), true)
                .onComplete(
                    result -> {
                      if (result.succeeded()) {
                        result.result().ifPresent(ws::writeTextMessage);
                      } else {
                        LOG.warn("JSON-RPC WebSocket dispatch failed", result.cause());
                      }
                    }));
  }

  private static Map<String, RpcMethod> byName(List<RpcMethod> methods) {
    Map<String, RpcMethod> map = new HashMap<>();
    for (RpcMethod method : methods) {
      if (map.put(method.name(), method) != null) {
        throw new IllegalArgumentException("Method registered twice: " + method.name());
      }
    }
    return map;
  }

  /** Stops accepting, closes connections and the worker pool. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("JSON-RPC server did not stop cleanly", e);
    }
  }
}

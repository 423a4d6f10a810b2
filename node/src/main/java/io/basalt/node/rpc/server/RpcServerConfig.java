package io.basalt.node.rpc.server;

import java.util.List;
import java.util.Objects;

/**
 * Where the JSON-RPC server listens and its limits. Port 0 binds any free port ({@link
 * RpcServer#port()} says which).
 *
 * @param cors allowed browser origins ({@code *} for any); empty sends no CORS headers
 * @param shardCount shards served at {@code /shard/<i>}
 * @param maxBodyBytes largest HTTP body or WebSocket message
 * @param maxBatch most requests in one batch
 * @param maxSubscriptions most subscriptions on one WebSocket
 */
public record RpcServerConfig(
    String host,
    int port,
    List<String> cors,
    int shardCount,
    int maxBodyBytes,
    int maxBatch,
    int maxSubscriptions) {

  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH = 100;
  public static final int DEFAULT_MAX_SUBSCRIPTIONS = 100;

  public RpcServerConfig {
    Objects.requireNonNull(host, "host");
    cors = List.copyOf(cors);
    if (port < 0 || port > 65535 || shardCount < 1 || maxBodyBytes < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("Bad JSON-RPC server config");
    }
  }

  /** The defaults for every limit. */
  public static RpcServerConfig of(String host, int port, List<String> cors, int shardCount) {
    return new RpcServerConfig(
        host,
        port,
        cors,
        shardCount,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_BATCH,
        DEFAULT_MAX_SUBSCRIPTIONS);
  }
}

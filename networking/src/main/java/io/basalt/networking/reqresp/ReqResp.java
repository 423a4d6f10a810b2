package io.basalt.networking.reqresp;

import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostException;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.networking.reqresp.ReqRespException.Kind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Request/response over a {@link Host}, after Ethereum's consensus p2p-interface: one protocol id
 * per method; the requester opens a stream, writes {@code varint(length) || snappy framed request}
 * and half-closes; the responder answers with chunks {@code result byte || varint(length) || snappy
 * framed payload} and closes. Error chunks carry a UTF-8 message of at most 256 bytes.
 *
 * <p>Served requests are rate-limited per peer and protocol with token buckets; a peer over its
 * limit gets {@link ResponseCode#RESOURCE_UNAVAILABLE} and its stream is closed. Malformed or
 * oversize payloads and timeouts are reported to the {@link MisbehaviourReporter}.
 */
public final class ReqResp implements AutoCloseable {

  /** Rate-limit entries kept before full (idle) buckets are dropped. */
  static final int MAX_BUCKETS = 4096;

  private final Host host;
  private final MisbehaviourReporter reporter;
  private final ScheduledExecutorService scheduler;
  private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();

  public ReqResp(Host host, MisbehaviourReporter reporter) {
    this.host = host;
    this.reporter = reporter;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "reqresp-timeouts");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Serves {@code protocol} with {@code handler}. */
  public void register(ReqRespProtocol protocol, RequestHandler handler) {
    host.registerProtocol(
        protocol.protocolId(),
        stream -> {
          ServerExchange exchange =
              new ServerExchange(stream, protocol, handler, reporter, scheduler);
          stream.setReader(exchange);
          if (!allow(stream.remotePeer(), protocol)) {
            reporter.report(stream.remotePeer(), Misbehaviour.HIGH_TOLERANCE, "rate limited");
            exchange.error(ResponseCode.RESOURCE_UNAVAILABLE, "rate limited");
          }
        });
  }

  /**
   * Sends a request to a connected peer.
   *
   * @return the success chunks (possibly none); fails with a {@link ReqRespException}
   */
  public CompletableFuture<List<byte[]>> request(
      PeerId peer, ReqRespProtocol protocol, byte[] request) {
    if (request.length > protocol.maxRequestSize()) {
      return CompletableFuture.failedFuture(
          new ReqRespException(
              Kind.PAYLOAD_TOO_LARGE,
              "request of " + request.length + " bytes, at most " + protocol.maxRequestSize()));
    }
    return host.newStream(peer, List.of(protocol.protocolId()))
        .handle(
            (stream, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                throw new CompletionException(
                    new ReqRespException(
                        Kind.STREAM_FAILED,
                        cause instanceof HostException h ? h.getMessage() : String.valueOf(cause),
                        cause));
              }
              ClientExchange exchange = new ClientExchange(stream, protocol, reporter, scheduler);
              exchange.send(request);
              return exchange.result();
            })
        .thenCompose(f -> f);
  }

  private boolean allow(PeerId peer, ReqRespProtocol protocol) {
    if (protocol.rateLimit() == RateLimit.UNLIMITED) {
      return true;
    }
    if (buckets.size() >= MAX_BUCKETS) {
      buckets.values().removeIf(TokenBucket::isFull);
    }
    return buckets
        .computeIfAbsent(
            new BucketKey(peer, protocol.protocolId()),
            k -> new TokenBucket(protocol.rateLimit(), System::nanoTime))
        .tryAcquire();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private record BucketKey(PeerId peer, String protocolId) {}
}

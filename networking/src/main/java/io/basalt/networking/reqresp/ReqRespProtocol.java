package io.basalt.networking.reqresp;

import java.time.Duration;
import java.util.Objects;

/**
 * One request/response method: its own protocol id (e.g. {@code /basalt/req/status/1/ssz_snappy}),
 * payload bounds, chunk count, timeouts and per-peer rate limit. Payloads are opaque bytes here
 * (SSZ above this layer).
 *
 * @param protocolId the multistream protocol id
 * @param maxRequestSize largest uncompressed request accepted (checked from the length prefix)
 * @param maxResponseSize largest uncompressed response chunk accepted
 * @param maxResponseChunks most success chunks in one response (1 for single-response methods)
 * @param timeToFirstByte how long a requester waits for the first response byte, and a responder
 *     for the complete request
 * @param responseTimeout how long the whole response may take
 * @param rateLimit requests each peer may make (served side)
 */
public record ReqRespProtocol(
    String protocolId,
    int maxRequestSize,
    int maxResponseSize,
    int maxResponseChunks,
    Duration timeToFirstByte,
    Duration responseTimeout,
    RateLimit rateLimit) {

  /** Bound on error messages (the spec's {@code ErrorMessage = List[byte, 256]}). */
  public static final int MAX_ERROR_MESSAGE = 256;

  public ReqRespProtocol {
    Objects.requireNonNull(protocolId);
    if (maxRequestSize < 0 || maxResponseSize < 0 || maxResponseChunks < 1) {
      throw new IllegalArgumentException("bad size limits for " + protocolId);
    }
  }

  /** Defaults after the consensus spec: 5 s to first byte, 10 s per response, unlimited rate. */
  public static ReqRespProtocol of(String protocolId, int maxPayload, int maxResponseChunks) {
    return new ReqRespProtocol(
        protocolId,
        maxPayload,
        maxPayload,
        maxResponseChunks,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        RateLimit.UNLIMITED);
  }

  public ReqRespProtocol withRateLimit(RateLimit limit) {
    return new ReqRespProtocol(
        protocolId,
        maxRequestSize,
        maxResponseSize,
        maxResponseChunks,
        timeToFirstByte,
        responseTimeout,
        limit);
  }

  public ReqRespProtocol withTimeouts(Duration firstByte, Duration response) {
    return new ReqRespProtocol(
        protocolId,
        maxRequestSize,
        maxResponseSize,
        maxResponseChunks,
        firstByte,
        response,
        rateLimit);
  }
}
